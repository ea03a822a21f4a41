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

    /** A callback on a loopback port that is free now. */
    public static OAuthCallback free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new OAuthCallback(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local org, strict as Salesforce ships a connected app, whose only callback URL is {@code callback}'s. */
    public static LocalOrg orgFor(OAuthCallback callback, LocalOrgOptions options) throws IOException {
        return LocalOrg.start(options, ConnectedApp.defaults().withCallbackUrls(List.of(callback.url())));
    }
}
