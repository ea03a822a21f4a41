package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.ObjectAccess;
import com.unsubscribesync.localorg.state.Permission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integration user's rights in {@code status} and {@code status --json}, against a local org. */
class RightsStatusCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_VARIABLE = "TEST_SF_CLIENT_SECRET";
    private static final List<String> RIGHTS =
            List.of("apiEnabled", "editLeads", "editContacts", "editField", "modifyMetadata");

    @TempDir
    Path dataDirectory;

    private LocalOrg org;

    @BeforeEach
    void connect() throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5));
        CliRun run = cli(CliRun.connectTo(org, SECRET_VARIABLE));
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void withEveryRightStatusShowsAllGrantedBesideTheFieldsScriptsAlreadyRead() throws IOException {
        long describes = calls("describeSObjects");
        long queries = calls("query");
        JsonNode status = json("status", "--json");
        assertThat(calls("describeSObjects") - describes)
                .as("one describe for both objects")
                .isEqualTo(1);
        assertThat(calls("query") - queries)
                .as("one permission query, shared with the layout check")
                .isEqualTo(1);

        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("requirements")
                        .get("field")
                        .get("Contact")
                        .get("updateable")
                        .asBoolean())
                .isTrue();
        assertThat(status.get("apiUsage").get("used").asLong()).isPositive();
        JsonNode rights = status.get("rights");
        assertThat(rights.get("allGranted").asBoolean()).isTrue();
        assertThat(rights.get("userName").asText()).isEqualTo(org.username());
        assertThat(granted(rights))
                .containsOnlyKeys(RIGHTS)
                .allSatisfy((key, granted) -> assertThat(granted).isEqualTo("true"));
        assertThat(rights.get("requestToAdmin").isNull()).isTrue();

        CliRun plain = cli("status");
        assertThat(plain.out())
                .contains("User rights:     all granted")
                .contains("  ✓ API Enabled")
                .contains("  ✓ Edit on Leads")
                .contains("  ✓ Edit access to Email Opt Out on Leads and Contacts")
                .doesNotContain("✗");
    }

    @Test
    void removingEachRightInTurnShowsExactlyThatRightMissingWithTheAdminText() throws IOException {
        Map<String, Consumer<Boolean>> removers = new LinkedHashMap<>();
        removers.put(
                "editLeads", on -> org.state().setObjectAccess("Lead", on ? ObjectAccess.EDIT : ObjectAccess.READ));
        removers.put(
                "editContacts",
                on -> org.state().setObjectAccess("Contact", on ? ObjectAccess.EDIT : ObjectAccess.READ));
        removers.put(
                "editField",
                on -> org.state()
                        .setFieldAccess(
                                "Lead", "HasOptedOutOfEmail", on ? FieldAccess.EDITABLE : FieldAccess.READONLY));
        removers.put("modifyMetadata", on -> {
            org.state().setPermission(Permission.MODIFY_ALL_DATA, on);
            org.state().setPermission(Permission.MODIFY_METADATA, on);
        });
        Map<String, String> expectedText = Map.of(
                "editLeads",
                "Object Settings > Leads",
                "editContacts",
                "Object Settings > Contacts",
                "editField",
                "Set Field-Level Security",
                "modifyMetadata",
                "Modify Metadata Through Metadata API Functions");
        removers.forEach((right, remover) -> {
            remover.accept(false);
            JsonNode rights = jsonUnchecked("status", "--json").get("rights");
            Map<String, String> granted = granted(rights);
            assertThat(granted).as(right).containsEntry(right, "false");
            granted.forEach((other, value) -> {
                if (!other.equals(right)) {
                    boolean dependsOnObjectEdit = other.equals("editField") && right.startsWith("editL")
                            || other.equals("editField") && right.startsWith("editC");
                    assertThat(value).as(right + " removed: " + other).isEqualTo(dependsOnObjectEdit ? "null" : "true");
                }
            });
            String ask = rights.get(right).get("askAdmin").asText();
            assertThat(ask).as(right).contains(expectedText.get(right)).contains(org.username());
            assertThat(rights.get(right).get("status").asText()).isEqualTo("missing");
            assertThat(rights.get("requestToAdmin").asText()).contains(ask).contains("Unsubscribe Sync Local Org");
            assertThat(rights.get("allGranted").asBoolean()).isFalse();

            String plain = cli("status").out();
            assertThat(plain)
                    .as(right)
                    .contains("User rights:     1 missing")
                    .contains("  ✗ " + rights.get(right).get("title").asText() + "\n      " + ask);
            assertThat(plain.lines().filter(line -> line.startsWith("  ✗ "))).hasSize(1);
            remover.accept(true);
        });
        assertThat(jsonUnchecked("status", "--json")
                        .get("rights")
                        .get("allGranted")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void withoutApiEnabledStatusSaysSoAndAsksTheAdminForIt() throws IOException {
        org.state().setPermission(Permission.API_ENABLED, false);
        JsonNode status = json("status", "--json");
        assertThat(status.get("connected").asBoolean()).isFalse();
        JsonNode rights = status.get("rights");
        assertThat(granted(rights))
                .containsEntry("apiEnabled", "false")
                .containsEntry("editLeads", "null")
                .containsEntry("editField", "null")
                .containsEntry("modifyMetadata", "null");
        assertThat(rights.get("apiEnabled").get("askAdmin").asText())
                .contains("\"API Enabled\"")
                .contains("System Permissions");
        assertThat(rights.get("editLeads").get("note").asText()).contains("API Enabled");

        CliRun plain = cli("status");
        assertThat(plain.exit()).isZero();
        assertThat(plain.out())
                .contains("API_CURRENTLY_DISABLED")
                .contains("  ✗ API Enabled")
                .contains("  ? Edit on Leads");
        assertThat(plain.err()).isEmpty();
    }

    @Test
    void connectingAsAUserWithoutApiEnabledFailsWithOneSentenceNamingTheRight() {
        org.state().setPermission(Permission.API_ENABLED, false);
        CliRun run = cli(CliRun.connectTo(org, SECRET_VARIABLE));
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.errorLine())
                .contains("API_CURRENTLY_DISABLED")
                .contains("\"API Enabled\"")
                .contains("Salesforce admin");
    }

    private static Map<String, String> granted(JsonNode rights) {
        Map<String, String> granted = new LinkedHashMap<>();
        for (String key : RIGHTS) {
            granted.put(
                    key,
                    rights.get(key).get("granted").isNull()
                            ? "null"
                            : String.valueOf(rights.get(key).get("granted").asBoolean()));
        }
        return granted;
    }

    private long calls(String operation) {
        return org.partnerCallsByOperation().getOrDefault(operation, 0L);
    }

    private JsonNode jsonUnchecked(String... args) {
        try {
            return json(args);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode json(String... args) throws IOException {
        CliRun run = cli(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private CliRun cli(String... args) {
        return CliRun.in(dataDirectory, Map.of(SECRET_VARIABLE, org.clientSecret()), new ByteArrayOutputStream(), args);
    }
}
