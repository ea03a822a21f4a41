package com.unsubscribesync.salesforce;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a connection gets its session, and a new one when Salesforce ends it ({@code INVALID_SESSION_ID}).
 * Implementations hold the refresh token, client secret or password; they never log them.
 */
public interface SessionSource {

    /** A session to start with. */
    OrgSession open();

    /** A new session after the org refused the current one. */
    OrgSession renew();

    /** Refresh token: the console's browser sign-in. */
    static SessionSource refreshToken(TokenEndpoint endpoint, String refreshToken) {
        return refreshToken(endpoint, refreshToken, replaced -> {});
    }

    /**
     * Refresh token that the org may replace on a refresh (rotation): the new one is used from then on, and handed
     * to {@code replaced} once, so it can be kept where the old one was.
     */
    static SessionSource refreshToken(TokenEndpoint endpoint, String refreshToken, Consumer<String> replaced) {
        AtomicReference<String> current = new AtomicReference<>(refreshToken);
        return grantedEachTime(() -> {
            String used = current.get();
            OrgSession session = endpoint.refresh(used);
            session.refreshToken()
                    .filter(fresh -> !fresh.equals(used) && current.compareAndSet(used, fresh))
                    .ifPresent(replaced);
            return session;
        });
    }

    /** Client credentials: headless use; every renewal is a new grant. */
    static SessionSource clientCredentials(TokenEndpoint endpoint, String clientSecret) {
        return grantedEachTime(() -> endpoint.clientCredentials(clientSecret));
    }

    private static SessionSource grantedEachTime(Supplier<OrgSession> grant) {
        return new SessionSource() {
            @Override
            public OrgSession open() {
                return grant.get();
            }

            @Override
            public OrgSession renew() {
                return grant.get();
            }
        };
    }

    /** A session already in hand (e.g. from the browser flow), renewed through {@code renewal} later. */
    static SessionSource startingWith(OrgSession first, SessionSource renewal) {
        return new SessionSource() {
            private boolean used;

            @Override
            public synchronized OrgSession open() {
                if (!used) {
                    used = true;
                    return first;
                }
                return renewal.open();
            }

            @Override
            public OrgSession renew() {
                return renewal.renew();
            }
        };
    }
}
