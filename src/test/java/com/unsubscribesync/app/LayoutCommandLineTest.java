package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.layout.LayoutBackups;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.Permission;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** layout check, install and undo, and status's onLayouts, as scripts use them. */
class LayoutCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_VARIABLE = "TEST_SF_CLIENT_SECRET";

    @TempDir
    Path dataDirectory;

    private Map<String, String> env = Map.of();

    @Test
    void layoutCommandsNeedAConnectedOrg() {
        CliRun run = run("layout", "check");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .contains("connect");
    }

    @Test
    void checkReportsEveryLayoutOfBothObjectsWithPresenceAndBehaviour() throws IOException {
        assertThat(run("connect", "--demo").exit()).isZero();
        JsonNode check = json("layout", "check", "--json");
        assertThat(check.get("canModifyLayouts").asBoolean()).isTrue();
        assertThat(check.get("objects"))
                .extracting(o -> o.get("object").asText())
                .containsExactly("Contact", "Lead");
        JsonNode contact = check.get("objects").get(0);
        assertThat(contact.get("field").asText()).isEqualTo("HasOptedOutOfEmail");
        assertThat(layouts(contact))
                .containsExactly(
                        "Contact-Contact Layout=false/null",
                        "Contact-Marketing Contact Layout=true/Edit",
                        "Contact-mkto_si__MSI Contact Layout=false/null");
        assertThat(layouts(check.get("objects").get(1)))
                .containsExactlyInAnyOrder(
                        "Lead-Lead Layout=true/Edit",
                        "Lead-Sales Lead Layout=false/null",
                        "Lead-Lead %28Marketing%29 Layout=true/Edit",
                        "Lead-mkto_si__MSI Lead Layout=false/null");
        assertThat(contact.get("onEveryLayout").asBoolean()).isFalse();
    }

    @Test
    void installOnAContactLayoutShowsInCheckAndStatusAndUndoRestoresIt() throws IOException {
        assertThat(run("connect", "--demo").exit()).isZero();
        assertThat(status("Contact").get("onLayouts").asBoolean()).isFalse();

        CliRun install = run("layout", "install", "--object", "Contact", "--layout", "Contact Layout");
        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(install.out())
                .contains("Added HasOptedOutOfEmail to Contact Layout, section 'Contact Information'")
                .contains("HasOptedOutOfEmail (new)");
        JsonNode contact = json("layout", "check", "--json").get("objects").get(0);
        assertThat(layouts(contact)).contains("Contact-Contact Layout=true/Edit");
        // The packaged MSI Contact Layout still lacks it.
        assertThat(status("Contact").get("onLayouts").asBoolean()).isFalse();
        assertThat(run("layout", "install", "--object", "Contact", "--layout", "MSI Contact Layout")
                        .exit())
                .isZero();
        assertThat(status("Contact").get("onLayouts").asBoolean()).isTrue();

        JsonNode undo = json("layout", "undo", "--object", "contact", "--layout", "Contact-Contact Layout", "--json");
        assertThat(undo.get("identical").asBoolean()).isTrue();
        assertThat(layouts(json("layout", "check", "--json").get("objects").get(0)))
                .contains("Contact-Contact Layout=false/null");
        assertThat(status("Contact").get("onLayouts").asBoolean()).isFalse();

        CliRun again = run("layout", "undo", "--object", "Contact", "--layout", "Contact Layout");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("nothing to undo");
    }

    @Test
    void aPackagedLayoutIsCheckedInstalledAndUndoneByItsNameWithNamespace() throws IOException {
        assertThat(run("connect", "--demo").exit()).isZero();
        JsonNode listed =
                json("layout", "check", "--json").get("objects").get(1).get("layouts");
        assertThat(listed)
                .filteredOn(l -> l.get("fullName").asText().equals("Lead-mkto_si__MSI Lead Layout"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.get("label").asText()).isEqualTo("MSI Lead Layout (mkto_si)");
                    assertThat(l.get("readable").asBoolean()).isTrue();
                    assertThat(l.get("present").asBoolean()).isFalse();
                });
        CliRun text = run("layout", "check");
        assertThat(text.out()).contains("[ ] MSI Lead Layout (mkto_si)");

        CliRun install = run("layout", "install", "--object", "Lead", "--layout", "MSI Lead Layout");
        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(install.out())
                .contains("Added HasOptedOutOfEmail to MSI Lead Layout (mkto_si), section " + "'Lead Information'")
                .contains("--layout \"MSI Lead Layout (mkto_si)\"");
        assertThat(layouts(json("layout", "check", "--json").get("objects").get(1)))
                .contains("Lead-mkto_si__MSI Lead Layout=true/Edit");

        CliRun undo = run("layout", "undo", "--object", "Lead", "--layout", "MSI Lead Layout (mkto_si)");
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(undo.out()).contains("Restored MSI Lead Layout (mkto_si)");
        assertThat(layouts(json("layout", "check", "--json").get("objects").get(1)))
                .contains("Lead-mkto_si__MSI Lead Layout=false/null");
    }

    @Test
    void aDryRunShowsTheSectionAndWritesNothing() throws IOException {
        assertThat(run("connect", "--demo").exit()).isZero();
        JsonNode preview = json("layout", "install", "--object", "Lead", "--dry-run", "--json");
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(preview.get("layouts"))
                .filteredOn(l -> l.get("outcome").asText().equals("would-add"))
                .extracting(l -> l.get("fullName").asText() + " below "
                        + l.get("afterField").asText())
                .containsExactly("Lead-Sales Lead Layout below Email", "Lead-mkto_si__MSI Lead Layout below Email");
        assertThat(layouts(json("layout", "check", "--json").get("objects").get(1)))
                .contains("Lead-Sales Lead Layout=false/null");
        assertThat(dataDirectory.resolve(LayoutBackups.DIRECTORY)).doesNotExist();
    }

    @Test
    void aUserWithoutThePermissionIsRefusedWithExitThreeAndTheRequestForTheirAdmin() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            connect(org);
            org.state().setPermission(Permission.MODIFY_ALL_DATA, false);
            org.state().setPermission(Permission.MODIFY_METADATA, false);

            CliRun install = run("layout", "install", "--object", "Contact");
            assertThat(install.exit()).isEqualTo(3);
            assertThat(install.err().strip().lines())
                    .singleElement()
                    .asString()
                    .contains("may not change page layouts");
            assertThat(install.out())
                    .contains("Send this to your Salesforce admin")
                    .contains("Setup > Object Manager > Contact > Page Layouts");

            JsonNode check = json("layout", "check", "--json");
            assertThat(check.get("canModifyLayouts").asBoolean()).isFalse();
            JsonNode contact = check.get("objects").get(0);
            assertThat(contact.get("layouts")).isEmpty();
            assertThat(contact.get("askYourAdmin").asText()).contains("Email Opt Out");
            assertThat(status("Contact").get("onLayouts").isNull()).isTrue();
        }
    }

    @Test
    @Tag("slow") // waits out the outage's retries, about 20 s; -Pslow runs it
    void anInstallThatStopsPartWaySaysWhatChangedFailedAndWasNotTriedAndEachChangeUndoes() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            connect(org);
            org.state().saveLayoutAs("Contact-Contact Layout", "Contact-Contact Layout B");
            org.faults().metadataOutageAfterSaves(1);

            CliRun install = run("layout", "install", "--object", "Contact");

            assertThat(install.exit()).isEqualTo(1);
            assertThat(install.out())
                    .contains("Added HasOptedOutOfEmail to Contact Layout,")
                    .contains("Not changed: Salesforce did not confirm the change to Contact Layout B")
                    .contains("Not tried: MSI Contact Layout (mkto_si)")
                    .contains("The run stopped at layout Contact Layout B:")
                    .contains("Changed: Contact Layout; failed: Contact Layout B; not tried: MSI Contact Layout "
                            + "(mkto_si).");
            org.faults().clear();
            CliRun undo = run("layout", "undo", "--object", "Contact", "--layout", "Contact Layout");
            assertThat(undo.exit()).as(undo.err()).isZero();
            assertThat(layouts(json("layout", "check", "--json").get("objects").get(0)))
                    .contains("Contact-Contact Layout=false/null", "Contact-mkto_si__MSI Contact Layout=false/null");
        }
    }

    @Test
    void aFieldHiddenByFieldLevelSecurityIsReportedAsHidden() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            connect(org);
            org.state().setFieldAccess("Lead", "HasOptedOutOfEmail", FieldAccess.HIDDEN);
            JsonNode lead = json("layout", "check", "--json").get("objects").get(1);
            assertThat(lead.get("fieldAccess").asText()).isEqualTo("hidden");
            assertThat(lead.get("problem").asText()).contains("hidden from the connected user by field-level security");
            assertThat(lead.get("askYourAdmin").asText()).contains("Visible and Edit access");
        }
    }

    @Test
    void aBadObjectOrAnUnknownLayoutExitsWithTwo() {
        assertThat(run("connect", "--demo").exit()).isZero();
        CliRun object = run("layout", "install", "--object", "Account");
        assertThat(object.exit()).isEqualTo(2);
        assertThat(object.err()).contains("not Contact or Lead");
        CliRun layout = run("layout", "install", "--object", "Lead", "--layout", "Partner Layout");
        assertThat(layout.exit()).isEqualTo(2);
        assertThat(layout.err().strip().lines()).singleElement().asString().contains("'Sales Lead Layout'");
        assertThat(run("layout", "undo", "--object", "Lead").exit())
                .as("--layout is required")
                .isEqualTo(2);
    }

    private void connect(LocalOrg org) {
        env = Map.of(SECRET_VARIABLE, org.clientSecret());
        CliRun run = run(CliRun.connectTo(org, SECRET_VARIABLE));
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private JsonNode status(String object) throws IOException {
        return json("status", "--json").get("requirements").get("field").get(object);
    }

    private static List<String> layouts(JsonNode object) {
        return StreamSupport.stream(object.get("layouts").spliterator(), false)
                .map(l -> l.get("fullName").asText() + "=" + l.get("present").asBoolean() + "/"
                        + (l.get("behavior").isNull()
                                ? "null"
                                : l.get("behavior").asText()))
                .toList();
    }

    private JsonNode json(String... args) throws IOException {
        CliRun run = run(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private CliRun run(String... args) {
        return CliRun.on(dataDirectory).env(env).run(args);
    }
}
