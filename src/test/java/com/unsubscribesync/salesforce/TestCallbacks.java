package com.unsubscribesync.salesforce;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.oauth.ConnectedApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Browser sign-ins in tests come back on a port free at the time, registered as the local org's callback, so tests
 * never take the documented default port from each other or from a real sign-in on this computer.
 */
public final class TestCallbacks {
    private TestCallbacks() {}

    /** Below the system's ephemeral ports (32768 and up on Linux), which any outgoing connection may take. */
    private static final int LOWEST = 20_000;

    private static final int HIGHEST = 32_000;

    /**
     * A callback on a loopback port that is free now. A class holds its callback for all its tests, so the port is
     * picked outside the ephemeral range: there, a connection the suite opens meanwhile could take it as its own end.
     */
    public static OAuthCallback free() {
        java.util.Random random = new java.util.Random();
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = LOWEST + random.nextInt(HIGHEST - LOWEST);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return new OAuthCallback(socket.getLocalPort());
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new UncheckedIOException("no free loopback port for a sign-in callback", last);
    }

    /** A local org, strict as Salesforce ships a connected app, whose only callback URL is {@code callback}'s. */
    public static LocalOrg orgFor(OAuthCallback callback, LocalOrgOptions options) throws IOException {
        return LocalOrg.start(options, ConnectedApp.defaults().withCallbackUrls(List.of(callback.url())));
    }
}
