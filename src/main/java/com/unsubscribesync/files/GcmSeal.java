package com.unsubscribesync.files;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Bytes sealed with AES-GCM as the app keeps them: a fresh 12-byte nonce, then the ciphertext and its 128-bit tag.
 * The associated data says what the bytes are for, so a seal made for one purpose does not open as another's.
 */
public final class GcmSeal {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] associatedData;
    private final SecureRandom random;

    public GcmSeal(byte[] associatedData, SecureRandom random) {
        this.associatedData = associatedData.clone();
        this.random = random;
    }

    public byte[] seal(byte[] plain, SecretKey key) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /** @throws AEADBadTagException when {@code key} is not the one it was sealed with, or a byte was changed */
    public byte[] open(byte[] stored, SecretKey key) throws GeneralSecurityException {
        if (stored.length <= NONCE_BYTES) {
            throw new AEADBadTagException("too short to hold anything sealed");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
    }
}
