package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api-keys create, revoke, list}: the key is shown once and never kept; bad input is one line, exit 2. */
class ApiKeysCommandLineTest {
    private static final Pattern KEY = Pattern.compile("usk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

    @TempDir
    Path data;

    @Test
    void createPrintsTheKeyOnceAndTheStoreKeepsOnlyItsHash() {
        CliRun created = CliRun.in(data, "api-keys", "create", "CRM");

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("'crm'").contains("shown only now");
        Matcher key = KEY.matcher(created.out());
        assertThat(key.find()).as(created.out()).isTrue();
        String dump = StoreDump.of(data);
        assertThat(dump).contains(key.group(1)).doesNotContain(key.group(2)).doesNotContain(key.group());
        CliRun listed = CliRun.in(data, "api-keys", "list", "--json");
        assertThat(listed.out()).contains("\"name\" : \"crm\"").doesNotContain(key.group(2));
    }

    @Test
    void listShowsUsesAndRevokedKeys() {
        CliRun.in(data, "api-keys", "create", "crm");
        CliRun.in(data, "api-keys", "create", "shop");

        CliRun revoked = CliRun.in(data, "api-keys", "revoke", "shop");

        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("'shop' revoked");
        CliRun text = CliRun.in(data, "api-keys", "list");
        assertThat(text.out().lines()).hasSize(3);
        assertThat(text.out().lines().filter(line -> line.startsWith("crm ")))
                .singleElement()
                .asString()
                .contains("never")
                .endsWith(" -");
        assertThat(text.out().lines().filter(line -> line.startsWith("shop ")))
                .singleElement()
                .asString()
                .doesNotEndWith(" -");
        CliRun json = CliRun.in(data, "api-keys", "list", "--json");
        assertThat(json.out())
                .contains("\"uses\" : 0")
                .contains("\"lastUsed\" : null")
                .containsOnlyOnce("\"revoked\" : null");
    }

    @Test
    void aDuplicateUnknownOrBadNameIsOneLineExitTwoAndWritesNothing() {
        CliRun.in(data, "api-keys", "create", "crm");
        CliRun.in(data, "api-keys", "create", "gone");
        CliRun.in(data, "api-keys", "revoke", "gone");
        String before = StoreDump.of(data);

        CliRun duplicate = CliRun.in(data, "api-keys", "create", "CRM");
        CliRun unknown = CliRun.in(data, "api-keys", "revoke", "nobody");
        CliRun twice = CliRun.in(data, "api-keys", "revoke", "gone");
        CliRun bad = CliRun.in(data, "api-keys", "create", "no spaces/please");

        assertThat(duplicate.exit()).isEqualTo(2);
        assertThat(duplicate.errorLine()).contains("'crm' exists already");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errorLine()).contains("no API key named 'nobody'");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.errorLine()).contains("revoked already");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.errorLine()).contains("not valid");
        for (CliRun refused : new CliRun[] {duplicate, unknown, twice, bad}) {
            assertThat(refused.err().strip().lines()).hasSize(1);
            assertThat(refused.out()).isEmpty();
        }
        assertThat(StoreDump.of(data)).isEqualTo(before);
    }
}
