package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.OAuthCallback;
import com.unsubscribesync.salesforce.SimulatedBrowser;
import com.unsubscribesync.salesforce.TestCallbacks;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.connection.ConnectionViewModel;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Connection screen's view model over the real console wiring and a strict local org, in a JVM without a
 * browser (java.awt.headless, as on a server): the callback URL to register, and the sign-in address to open by hand.
 */
class ConnectionScreenSignInTest {
    @TempDir
    Path data;

    @Test
    void withoutABrowserTheScreenShowsTheSignInAddressAndAllowingAccessThereConnectsWithTheSecret() throws Exception {
        OAuthCallback callback = TestCallbacks.free();
        try (LocalOrg org = TestCallbacks.orgFor(
                        callback, LocalOrgOptions.defaults().withPeople(5));
                AppWorkspace workspace = workspace()) {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            ConnectionViewModel model = model(workspace, dialogs);
            assertThat(model.callbackUrlProperty().get()).isEqualTo("http://localhost:27482/oauth/callback");

            model.targetProperty().set(ConnectionViewModel.Target.SALESFORCE);
            model.loginUrlProperty().set(org.url());
            model.clientIdProperty().set(org.clientId());
            model.clientSecretProperty().set(org.clientSecret());
            model.callbackPortProperty().set(Integer.toString(callback.port()));
            assertThat(model.callbackUrlProperty().get()).isEqualTo(callback.url());
            model.connect();

            String address = await(() -> model.signInAddressProperty().get(), text -> !text.isEmpty());
            assertThat(address)
                    .startsWith(org.authorizeUrl() + "?")
                    .contains("redirect_uri=" + URLEncoder.encode(callback.url(), StandardCharsets.UTF_8));
            assertThat(model.stateProperty().get()).contains("No browser could be opened");
            SimulatedBrowser.allowing().open(URI.create(address));

            assertThat(await(() -> model.stateProperty().get(), text -> text.startsWith("Connected to")))
                    .endsWith("as " + org.username());
            assertThat(model.signInAddressProperty().get()).isEmpty();
            assertThat(dialogs.shown).isEmpty();
        }
    }

    @Test
    void aCallbackPortThatIsNotAPortShowsNoCallbackUrlAndLogInSaysWhatToGive() throws Exception {
        try (AppWorkspace workspace = workspace()) {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            ConnectionViewModel model = model(workspace, dialogs);
            model.targetProperty().set(ConnectionViewModel.Target.SALESFORCE);
            model.clientIdProperty().set("client");
            for (String port : List.of("80", "70000", "port")) {
                model.callbackPortProperty().set(port);
                assertThat(model.callbackUrlProperty().get()).as(port).isEmpty();
            }
            model.connect();
            assertThat(dialogs.saw("error: Log in: The callback port 'port' is not a port"))
                    .isTrue();
            assertThat(model.busyProperty().get()).isFalse();
        }
    }

    @Test
    void aSavedConnectionThatCannotBeReadIsShownAsSuchWithTheFixAndLeftAsItIs() throws Exception {
        try (AppWorkspace workspace = workspace()) {
            workspace.salesforce().connectDemo();
            Path file = data.resolve("salesforce-connection.enc");
            byte[] sealed = Files.readAllBytes(file);
            sealed[sealed.length / 2] ^= 1;
            Files.write(file, sealed);
            ConnectionViewModel model = model(workspace, new ScriptedDialogs());

            model.refresh();

            assertThat(await(() -> model.detailsProperty().get(), text -> text.contains("cannot be read")))
                    .startsWith("the saved Salesforce connection in " + file + " cannot be read: ")
                    .endsWith("connect again with 'connect'");
            assertThat(model.stateProperty().get()).isEqualTo("Not connected");
            assertThat(file).as("nothing written").hasBinaryContent(sealed);
        }
    }

    private AppWorkspace workspace() {
        return new AppWorkspace(
                data, Database.openInMemory("connection-" + UUID.randomUUID()), Clock.systemUTC(), "admin", Map.of());
    }

    private static ConnectionViewModel model(AppWorkspace workspace, ScriptedDialogs dialogs) {
        return new ConnectionViewModel(workspace.connectOrg(), new ThreadBackground(), dialogs, () -> {});
    }

    private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) {
        return Eventually.within(Duration.ofSeconds(20)).until("the sign-in's next state", value::get, done);
    }

    /** Runs each job on its own thread and hands results and progress over on that thread (no FX toolkit here). */
    private static final class ThreadBackground implements Background {
        @Override
        public <T> Running submit(Job<T> job, Consumer<T> done, Consumer<Throwable> failed) {
            Reports reports = new Reports();
            Thread thread = new Thread(
                    () -> {
                        T result;
                        try {
                            result = job.run(reports);
                        } catch (Exception | Error e) {
                            failed.accept(e);
                            return;
                        }
                        done.accept(result);
                    },
                    "connection-test-job");
            thread.setDaemon(true);
            thread.start();
            return reports;
        }
    }

    /** Progress reports kept until a listener is set, then passed on as they come. */
    private static final class Reports implements Background.Running, Background.Progress {
        private final List<Background.ProgressReport> early = new ArrayList<>();
        private Consumer<Background.ProgressReport> listener;

        @Override
        public synchronized void update(String message, double fraction) {
            Background.ProgressReport report = new Background.ProgressReport(message, fraction);
            if (listener == null) {
                early.add(report);
            } else {
                listener.accept(report);
            }
        }

        @Override
        public synchronized void onProgress(Consumer<Background.ProgressReport> value) {
            listener = value;
            early.forEach(value);
            early.clear();
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void cancel() {}
    }
}
