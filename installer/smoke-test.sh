#!/usr/bin/env bash
# Smoke test of the installed app: the app image's launcher answers --version and status --json, and under Xvfb
# it opens the console, which is photographed into target/smoke/.
#   installer/smoke-test.sh [APP_IMAGE_DIR]   (default: builds target/installer/dist/unsubscribe-sync)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/smoke
image=${1:-}

need() { command -v "$1" >/dev/null 2>&1 || missing+=" $2"; }
missing=""
need xvfb-run xvfb; need import imagemagick; need xwininfo x11-utils; need python3 python3
[ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ] || [ -e /usr/lib/aarch64-linux-gnu/libgtk-3.so.0 ] || missing+=" libgtk-3-0"
if [ -n "$missing" ]; then
  echo "installing:$missing"
  apt-get update -q >/dev/null && apt-get install -y -q $missing >/dev/null
fi

if [ -z "$image" ]; then
  image=target/installer/dist/unsubscribe-sync
  echo "building the app image (mvn -Pinstaller package)"
  mvn -B -q -Pinstaller package -DskipTests
fi
launcher="$image/bin/unsubscribe-sync"
[ -x "$launcher" ] || { echo "FAIL: no launcher at $launcher" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$("$launcher" --version)
[[ $version =~ ^unsubscribe-sync\ [0-9] ]] || { echo "FAIL: --version printed '$version'" >&2; exit 1; }
echo "ok   --version: $version"

"$launcher" --data-dir "$work/cli" status --json > "$out/status.json"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s["connected"] is False, s' "$out/status.json"
echo "ok   status --json on an empty data directory: valid JSON, not connected"

cat > "$work/gui.sh" <<GUI
set -u
"$launcher" console --data-dir "$work/gui" > "$out/console.out" 2>&1 &
app=\$!
for _ in \$(seq 1 120); do
  xwininfo -root -tree 2>/dev/null | grep -q '"Unsubscribe Sync —' && break
  kill -0 \$app 2>/dev/null || { echo "the console exited early" >&2; exit 1; }
  sleep 1
done
xwininfo -root -tree | grep -q '"Unsubscribe Sync —' || { echo "no console window after 120 s" >&2; kill \$app; exit 1; }
sleep 6   # the window is mapped before its first full paint and the first background reads
import -window root "$out/installed-app.png"
kill \$app
wait \$app 2>/dev/null
exit 0
GUI
xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/gui.sh"
colours=$(identify -format %k "$out/installed-app.png")
[ "$colours" -gt 200 ] || { echo "FAIL: the screenshot has only $colours colours: blank or an error" >&2; exit 1; }
if grep -q ' ERROR ' "$work/gui/unsubscribe-sync.log"; then
  echo "FAIL: the console logged an error:" >&2; grep ' ERROR ' "$work/gui/unsubscribe-sync.log" >&2; exit 1
fi
cp "$work/gui/unsubscribe-sync.log" "$out/console.log"
echo "ok   console opened under Xvfb: $out/installed-app.png ($colours colours), no error in the log"
echo "smoke test passed ($(du -sh "$image" | cut -f1) app image)"
