package com.unsubscribesync.salesforce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.persist.StateStore;
import com.unsubscribesync.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every port the product opens answers on 127.0.0.1 and refuses this machine's network address: the local org, the
 * OAuth redirect listener and the database's auto-server.
 */
class ListenersStayOnLoopbackTest {

    @Test
    void theLocalOrgAnswersOnlyOnLoopback() throws IOException {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(1))) {
            int port = URI.create(org.url()).getPort();
            assertLoopbackOnly(port);
        }
    }

    @Test
    void theSignInRedirectListenerAnswersOnlyOnLoopback() throws IOException {
        OAuthCallback callback = TestCallbacks.free();
        try (RedirectListener listener = new RedirectListener(callback)) {
            assertThat(listener.redirectUri()).isEqualTo("http://localhost:" + callback.port() + "/oauth/callback");
            assertThat(listener.addresses()).isNotEmpty().allSatisfy(address -> {
                assertThat(address.getAddress().isLoopbackAddress())
                        .as(address.toString())
                        .isTrue();
                assertThat(address.getPort()).isEqualTo(callback.port());
            });
            assertThat(listener.addresses())
                    .anySatisfy(address ->
                            assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1"));
            if (ipv6LoopbackWorks()) {
                assertThat(listener.addresses())
                        .as("a browser may resolve localhost to ::1")
                        .anySatisfy(
                                address -> assertThat(address.getAddress()).isInstanceOf(java.net.Inet6Address.class));
            }
            assertLoopbackOnly(callback.port());
        }
    }

    private static boolean ipv6LoopbackWorks() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theDatabaseServerForOtherProcessesAnswersOnlyOnLoopback(@TempDir Path data) throws IOException {
        try (Database database = Database.openFile(data)) {
            database.read(connection -> null);
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(data.resolve("unsubscribe-sync.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("auto-server address in the lock file").isNotNull();
            assertLoopbackOnly(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
        }
    }

    /**
     * H2 reads its bind address once, when its first class loads. The console starts the demo org, whose own H2 store
     * may load H2 before the app's store opens; the app's auto-server must stay on loopback all the same. A JVM of
     * its own, so that no earlier test has loaded H2 already.
     */
    @Test
    void theDatabaseServerStaysOnLoopbackWhenTheDemoOrgsStoreLoadedH2First(@TempDir Path directory) throws Exception {
        Path data = Files.createDirectories(directory.resolve("data"));
        List<String> line = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                OrgStoreFirst.class.getName(),
                directory.resolve("org").toString(),
                data.toString());
        Process child = new ProcessBuilder(line).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            String opened = out.readLine();
            assertThat(opened).as("the child's first line").isNotNull().startsWith("store open");
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(data.resolve("unsubscribe-sync.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertLoopbackOnly(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** Opens the local org's H2 state store, then the app's store; keeps both open until its input closes. */
    static final class OrgStoreFirst {
        public static void main(String[] args) throws Exception {
            try (StateStore org = new StateStore(Path.of(args[0]));
                    Database store = Database.openFile(Path.of(args[1]))) {
                store.read(connection -> null);
                System.out.println("store open");
                System.out.flush();
                System.in.read();
            }
        }
    }

    private static void assertLoopbackOnly(int port) throws IOException {
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        }
        Optional<InetAddress> network = networkAddress();
        assertThat(network)
                .as("a network address of this machine besides loopback")
                .isPresent();
        assertThatThrownBy(() -> {
                    try (Socket outside = new Socket()) {
                        outside.connect(new InetSocketAddress(network.get(), port), 2_000);
                    }
                })
                .as("connecting to port %d on %s", port, network.get())
                .isInstanceOf(IOException.class);
    }

    private static Optional<InetAddress> networkAddress() throws IOException {
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (face.isUp() && !face.isLoopback()) {
                for (InetAddress address : Collections.list(face.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
