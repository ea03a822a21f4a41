package com.unsubscribesync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the allowed directions between layers (ARCHITECTURE.md) by scanning the imports of the sources. */
class LayerDirectionsTest {
    private static final String BASE = "com.unsubscribesync.";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?com\\.unsubscribesync\\.(\\w+)\\.",
            Pattern.MULTILINE);
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "domain", Set.of(),
            "store", Set.of("domain"),
            "collect", Set.of("store", "domain"),
            "salesforce", Set.of("domain"),
            "localorg", Set.of("domain"),
            "sync", Set.of("salesforce", "store", "domain"),
            "layout", Set.of("salesforce", "store", "domain"),
            "usecase", Set.of("sync", "layout", "collect", "store", "domain"),
            "ui", Set.of("usecase", "sync", "layout", "collect", "store", "domain"),
            "cli", Set.of("usecase", "sync", "layout", "collect", "store", "domain"));

    @Test
    void everyLayerImportsOnlyWhatItIsAllowedTo() throws IOException {
        List<String> violations = new ArrayList<>();
        Path sources = Path.of("src/main/java/com/unsubscribesync");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String layer = sources.relativize(file).getName(0).toString();
                if (layer.equals("app") || !ALLOWED.containsKey(layer)) {
                    assertThat(layer).as("a package outside the known layers: %s", file).isIn("app");
                    continue;
                }
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String target = imports.group(1);
                    if (!target.equals(layer) && !ALLOWED.get(layer).contains(target)) {
                        violations.add(file + " imports " + BASE + target);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void domainUsesNoJavaFxJdbcOrForceWsc() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/unsubscribesync/domain"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("import javafx.").doesNotContain("import java.sql.")
                        .doesNotContain("import com.sforce.");
            }
        }
    }
}
