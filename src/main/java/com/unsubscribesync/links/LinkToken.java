package com.unsubscribesync.links;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The token in a one-click link: {@code base64url(version ‖ key id ‖ nonce ‖ AES-256-GCM(address ‖ 0 ‖ campaign))}
 * with the version and key id as associated data (ADR 0056). Nothing is stored per link; only the key's holder can
 * read the address or make a token that opens, and any changed byte makes it fail to open.
 */
final class LinkToken {
    private static final byte VERSION = 1;
    private static final int HEADER = 1 + Integer.BYTES;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    /** Longer than any token this code makes (an address and a campaign at their longest), so shorter ones are cut. */
    static final int MAX_CHARS = 2048;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * One cipher per thread, initialised again for each token: looking a cipher up and expanding the key for every
     * click showed in the intake's burst profile, and a cipher given the same key again keeps its expanded key.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no AES-GCM", e);
        }
    });

    private final SecureRandom random;

    LinkToken(SecureRandom random) {
        this.random = random;
    }

    String seal(LinkSubject subject, LinkKey key) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] header = header(key.id());
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, header, nonce);
            byte[] sealed = cipher.doFinal(plain(subject));
            return ENCODER.encodeToString(ByteBuffer.allocate(HEADER + NONCE + sealed.length)
                    .put(header)
                    .put(nonce)
                    .put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot seal with AES-GCM", e);
        }
    }

    /**
     * The subject of a token sealed with one of the keys; empty for anything else (tampered, cut, foreign, sealed
     * with a key no longer accepted), without telling which.
     *
     * @param keys the key accepted now under an id, or null
     */
    Optional<LinkSubject> open(String token, IntFunction<LinkKey> keys) {
        if (token == null || token.isEmpty() || token.length() > MAX_CHARS) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < HEADER + NONCE + TAG_BITS / 8 || bytes[0] != VERSION) {
            return Optional.empty();
        }
        LinkKey key = keys.apply(ByteBuffer.wrap(bytes, 1, Integer.BYTES).getInt());
        if (key == null) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(
                    Cipher.DECRYPT_MODE,
                    key,
                    Arrays.copyOfRange(bytes, 0, HEADER),
                    Arrays.copyOfRange(bytes, HEADER, HEADER + NONCE));
            return subject(cipher.doFinal(bytes, HEADER + NONCE, bytes.length - HEADER - NONCE));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, LinkKey key, byte[] header, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header);
        return cipher;
    }

    private static byte[] header(int keyId) {
        return ByteBuffer.allocate(HEADER).put(VERSION).putInt(keyId).array();
    }

    /** Neither an address nor a campaign can hold a NUL (both refuse control characters), so it separates them. */
    private static byte[] plain(LinkSubject subject) {
        String text =
                subject.email().value() + subject.campaign().map(c -> "\0" + c).orElse("");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<LinkSubject> subject(byte[] plain) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain))
                    .toString();
            int separator = text.indexOf('\0');
            Email email = new Email(separator < 0 ? text : text.substring(0, separator));
            Optional<String> campaign = separator < 0 ? Optional.empty() : Optional.of(text.substring(separator + 1));
            return Optional.of(new LinkSubject(email, campaign));
        } catch (CharacterCodingException | InvalidInputException e) {
            // Sealed by our key but not by this code: a key shared with something else. Refused like the rest.
            return Optional.empty();
        }
    }
}
