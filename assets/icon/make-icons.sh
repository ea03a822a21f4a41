#!/usr/bin/env bash
# Draws the app icon from assets/icons/logo.svg the way the console's window icon does (ui/AppIcon): the logo in
# white at 70 % on a blue tile with rounded corners. Writes the sizes each OS wants next to this script.
# Needs: rsvg-convert (librsvg2-bin), ImageMagick (imagemagick), png2icns (icnsutils), all from Debian.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
logo="$here/../icons/logo.svg"

path=$(sed -n 's/.* d="\([^"]*\)".*/\1/p' "$logo")
[ -n "$path" ] || { echo "no path in $logo" >&2; exit 1; }
cat > "$here/app-icon.svg" <<SVG
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <rect width="512" height="512" rx="112.64" fill="#1f6feb"/>
  <g transform="translate(76.8 76.8) scale(14.9333)">
    <path fill="#ffffff" fill-rule="evenodd" d="$path"/>
  </g>
</svg>
SVG

mkdir -p "$here/linux" "$here/windows" "$here/macos"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$here/app-icon.svg" -o "$here/linux/unsubscribe-sync-$size.png"
done
cp "$here/linux/unsubscribe-sync-256.png" "$here/linux/unsubscribe-sync.png"

# Windows: one .ico with the sizes Explorer and the taskbar pick from.
/usr/bin/convert "$here"/linux/unsubscribe-sync-{16,24,32,48,64,256}.png "$here/windows/unsubscribe-sync.ico"

# macOS: png2icns takes the sizes it knows (16, 32, 48, 128, 256, 512). On a Mac, iconutil does the same from an
# .iconset folder: iconutil -c icns unsubscribe-sync.iconset
png2icns "$here/macos/unsubscribe-sync.icns" "$here"/linux/unsubscribe-sync-{16,32,48,128,256,512}.png >/dev/null
echo "icons written under $here"
