package com.unsubscribesync.intake;

import com.unsubscribesync.domain.IntakeRefusal;
import com.unsubscribesync.usecase.IntakeTally;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;

/**
 * Each refusal counted and logged in one line. The client is named by a pseudonym, a keyed hash of its address
 * under a key made at each start: the lines of one client can be told apart from another's, but the log does not
 * hold who the recipients are.
 */
final class Refusals {
    private final IntakeTally tally;
    private final SecretKeySpec key;

    Refusals(IntakeTally tally, SecureRandom random) {
        this.tally = tally;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** @param request what was refused, e.g. "a POST to /u/" */
    void refused(Logger log, IntakeRefusal kind, String request, InetAddress client, String why) {
        counted(kind);
        log.info("Intake refused {} from client {}: {}", request, pseudonym(client), why);
    }

    /** A refusal its caller logs itself, at another level. */
    void counted(IntakeRefusal kind) {
        tally.refused(kind);
    }

    /** An unsubscribe taken whose write failed; the caller logs it with what it knows. */
    void failed() {
        tally.failed();
    }

    String pseudonym(InetAddress client) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(client.getAddress()), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
