package com.unsubscribesync.localorg.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens (which are also SOAP session ids) and refresh tokens. A session stays valid while it is used: each
 * use moves its expiry to now plus the timeout, as Salesforce's inactivity timeout does.
 */
public final class Sessions {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** A live session of a user. */
    public record Session(String token, int userRow, Instant expires) {}

    private final Clock clock;
    private final Duration timeout;
    private final String orgId15;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> refreshTokens = new ConcurrentHashMap<>();

    public Sessions(Clock clock, Duration timeout, String orgId) {
        this.clock = clock;
        this.timeout = timeout;
        this.orgId15 = orgId.substring(0, 15);
    }

    public Duration timeout() {
        return timeout;
    }

    public String issue(int userRow) {
        String token = orgId15 + "!" + randomText(96);
        sessions.put(token, new Session(token, userRow, clock.instant().plus(timeout)));
        return token;
    }

    public String issueRefreshToken(int userRow) {
        String token = "5Aep" + randomText(83);
        refreshTokens.put(token, userRow);
        return token;
    }

    public void revokeRefreshToken(String token) {
        refreshTokens.remove(token);
    }

    public Optional<Integer> redeemRefreshToken(String token) {
        return Optional.ofNullable(token == null ? null : refreshTokens.get(token));
    }

    /** The session behind a token when it is known and not expired; using it extends it. */
    public Optional<Session> use(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = sessions.get(token);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expires().isAfter(now)) {
            sessions.remove(token);
            return Optional.empty();
        }
        Session extended = new Session(token, session.userRow(), now.plus(timeout));
        sessions.put(token, extended);
        return Optional.of(extended);
    }

    public void expire(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    public void expireAll() {
        sessions.clear();
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
