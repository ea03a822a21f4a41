package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.salesforce.ConnectionOptions;
import com.unsubscribesync.salesforce.ConnectorConfigs;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.OrgSignIn;
import java.io.InputStream;
import java.net.ProxySelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOrgTest {
    @TempDir
    Path data;

    @Test
    void anOpenThatCannotJoinThroughTheNoteUsesTheDemoOrgThisProcessRunsInsteadOfStartingASecondOnItsFiles()
            throws Exception {
        OrgSignIn signIn = new OrgSignIn(
                new ConnectorConfigs(ConnectionOptions.defaults("DemoOrgTest/1"), ProxySelector.getDefault()),
                ProxySelector.getDefault(),
                () -> 0);
        Path note = data.resolve(DemoOrg.DIRECTORY).resolve("running.properties");
        try (ForceWscOrg first = new DemoOrg(data).open(signIn)) {
            Properties started = read(note);
            Properties wrong = read(note);
            wrong.setProperty("client-secret", "not-the-secret");
            try (var out = Files.newOutputStream(note)) {
                wrong.store(out, null);
            }

            try (ForceWscOrg second = new DemoOrg(data).open(signIn)) {
                assertThat(second.records().identity())
                        .isEqualTo(first.records().identity());
                assertThat(read(note).getProperty("url"))
                        .as("no second demo org started on the same files")
                        .isEqualTo(started.getProperty("url"));
            }
        }
        assertThat(note).as("the note goes with the org that wrote it").doesNotExist();
    }

    private static Properties read(Path file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
