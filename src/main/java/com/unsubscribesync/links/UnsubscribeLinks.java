package com.unsubscribesync.links;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Signed one-click unsubscribe links for the addresses of a data directory: the API other tools call (with this
 * program's jar on their class path) to put links into the emails they send, and what the intake opens them with.
 *
 * <pre>{@code
 * UnsubscribeLinks links = UnsubscribeLinks.inDataDirectory(Path.of("/var/lib/unsubscribe-sync"));
 * OneClickLink link = links.make("ann@example.com", Optional.of("spring"), "https://unsubscribe.example.com");
 * link.headers().forEach(System.out::println);
 * }</pre>
 *
 * Safe to share between threads.
 */
public final class UnsubscribeLinks {
    /** How long links of a rotated-out key keep working unless the admin says otherwise. */
    public static final Duration DEFAULT_KEEP_OLD = Duration.ofDays(90);

    private final LinkKeys keys;
    private final LinkToken tokens;

    UnsubscribeLinks(LinkKeys keys, LinkToken tokens) {
        this.keys = keys;
        this.tokens = tokens;
    }

    public static UnsubscribeLinks inDataDirectory(Path dataDirectory) {
        return inDataDirectory(dataDirectory, Clock.systemUTC());
    }

    public static UnsubscribeLinks inDataDirectory(Path dataDirectory, Clock clock) {
        SecureRandom random = new SecureRandom();
        return new UnsubscribeLinks(new LinkKeys(dataDirectory, clock, random), new LinkToken(random));
    }

    /**
     * @param baseUrl where recipients reach the intake ({@code https://…}; plain http only on this computer)
     * @throws com.unsubscribesync.domain.InvalidInputException when the address, campaign or base URL is not
     *     acceptable; the message is one sentence
     */
    public OneClickLink make(String email, Optional<String> campaign, String baseUrl) {
        return make(LinkSubject.parse(email, campaign), BaseUrl.parse(baseUrl));
    }

    public OneClickLink make(LinkSubject subject, BaseUrl baseUrl) {
        return new OneClickLink(baseUrl.link(tokens.seal(subject, keys.current())));
    }

    /** Whom a token unsubscribes; empty when it is not one of ours or its key is no longer accepted. */
    public Optional<LinkSubject> open(String token) {
        return tokens.open(token, keys::accepted);
    }

    /** Makes sure a key exists, so a damaged key file is reported when the intake starts, not at the first click. */
    public void check() {
        keys.current();
    }

    /** New links get a new key; links made before keep working for {@code keepOld}. */
    public KeyRotation rotateKey(Duration keepOld) {
        return keys.rotate(keepOld);
    }
}
