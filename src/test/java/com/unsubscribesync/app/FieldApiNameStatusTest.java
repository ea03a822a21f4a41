package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A typed API name names the Marketo package's field only: left behind after switching back to Email Opt Out (the
 * checklist's "Use Email Opt Out instead"), it must not make the status check look for that name instead.
 */
class FieldApiNameStatusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private JsonNode field(String object) throws Exception {
        CliRun status = CliRun.in(data, "status", "--json");
        assertThat(status.exit()).isZero();
        return JSON.readTree(status.out()).get("requirements").get("field").get(object);
    }

    @Test
    void anApiNameLeftFromThePackageFieldIsNotLookedForUnderEmailOptOut() throws Exception {
        assertThat(CliRun.in(data, "connect", "--demo").exit()).isZero();
        assertThat(CliRun.in(data, "settings", "set", "field=marketo-sales-opt-out", "field-api-name=Custom_Opt_Out__c")
                        .exit())
                .isZero();
        assertThat(field("Contact").get("exists").asBoolean())
                .as("the typed name is looked for")
                .isFalse();

        assertThat(CliRun.in(data, "settings", "set", "field=email-opt-out").exit())
                .isZero();

        assertThat(field("Contact").get("exists").asBoolean())
                .as("Email Opt Out is looked for")
                .isTrue();
        assertThat(field("Lead").get("exists").asBoolean()).isTrue();
    }
}
