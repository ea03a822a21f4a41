package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
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
