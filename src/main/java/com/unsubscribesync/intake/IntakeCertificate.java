package com.unsubscribesync.intake;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.PrintableText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The certificate chain and private key {@code serve --intake-tls} serves HTTPS with, read from a PKCS12 file whose
 * password comes from the environment (a command line is visible to every user of the computer). Everything that
 * would make the intake unusable is refused before it starts, each in one line.
 */
public final class IntakeCertificate {
    public static final String PASSWORD_VARIABLE = "UNSUBSCRIBE_SYNC_INTAKE_TLS_PASSWORD";

    /** The protocols offered: older ones are broken or deprecated (RFC 8996). */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final SSLContext context;

    private IntakeCertificate(SSLContext context) {
        this.context = context;
    }

    /**
     * @param password the value of {@link #PASSWORD_VARIABLE}, missing when it is not set
     * @param now      a certificate not valid at this instant is refused
     */
    public static IntakeCertificate read(Path file, Optional<String> password, Instant now) {
        String named = "--intake-tls " + PrintableText.of(file.toString());
        char[] secret = password.orElseThrow(() -> new InvalidInputException(named + " needs the file's password in "
                        + "the environment variable " + PASSWORD_VARIABLE + ": set it for serve"))
                .toCharArray();
        KeyStore store = load(file, named, secret);
        String alias = keyAlias(store, named);
        try {
            if (!(store.getKey(alias, secret) instanceof PrivateKey)) {
                throw noKey(named);
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                throw new InvalidInputException(named + " holds a private key without its X.509 certificate: export "
                        + "the key together with its certificate chain");
            }
            current((X509Certificate) chain[0], named, now);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new IntakeCertificate(context);
        } catch (UnrecoverableKeyException e) {
            throw new InvalidInputException(named + ": its private key has a password other than the file's: export "
                    + "it again with one password for both");
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException(named + " cannot be used for TLS (" + e.getMessage() + "): export the "
                    + "certificate chain and its private key again as PKCS12");
        }
    }

    private static KeyStore load(Path file, String named, char[] secret) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            return store;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(named + " does not exist: give the PKCS12 file (.p12) holding the "
                    + "certificate chain and its private key");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new InvalidInputException(named + ": the password in " + PASSWORD_VARIABLE
                        + " does not open it: set the password the file was exported with");
            }
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new InvalidInputException(named + " cannot be read ("
                        + e.getClass().getSimpleName() + "): give a PKCS12 file that serve's user may read");
            }
            throw new InvalidInputException(named + " is not a PKCS12 key store: make one from the PEM files with "
                    + "'openssl pkcs12 -export -inkey KEY.pem -in CHAIN.pem -out FILE.p12'");
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException(named + " is not a PKCS12 key store (" + e.getMessage() + "): make one "
                    + "from the PEM files with 'openssl pkcs12 -export'");
        }
    }

    /** The one private key's alias: with several the choice would be the TLS library's, not the admin's. */
    private static String keyAlias(KeyStore store, String named) {
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.isEmpty()) {
                throw noKey(named);
            }
            if (keys.size() > 1) {
                throw new InvalidInputException(named + " holds " + keys.size() + " private keys: give a file with "
                        + "one, the certificate's");
            }
            return keys.get(0);
        } catch (java.security.KeyStoreException e) {
            throw new InvalidInputException(named + " cannot be read as a key store (" + e.getMessage() + ")");
        }
    }

    private static InvalidInputException noKey(String named) {
        return new InvalidInputException(named + " holds no private key, only certificates: export the key with "
                + "its certificate, e.g. 'openssl pkcs12 -export -inkey KEY.pem -in CHAIN.pem -out FILE.p12'");
    }

    private static void current(X509Certificate certificate, String named, Instant now) {
        Instant until = certificate.getNotAfter().toInstant();
        Instant from = certificate.getNotBefore().toInstant();
        String subject = PrintableText.of(certificate.getSubjectX500Principal().getName());
        if (now.isAfter(until)) {
            throw new InvalidInputException(named + ": its certificate (" + subject + ") expired on "
                    + WHEN.format(until.atOffset(ZoneOffset.UTC)) + ": renew it and export a new PKCS12 file");
        }
        if (now.isBefore(from)) {
            throw new InvalidInputException(named + ": its certificate (" + subject + ") is not valid before "
                    + WHEN.format(from.atOffset(ZoneOffset.UTC)) + ": check this computer's clock");
        }
    }

    SSLContext context() {
        return context;
    }

    /** TLS 1.2 and 1.3 only, with the context's default cipher suites. */
    SSLParameters parameters() {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        return parameters;
    }
}
