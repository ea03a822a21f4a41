package com.unsubscribesync.testing;

import com.unsubscribesync.localorg.tls.Keytool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * PKCS12 files for the intake's TLS, made with the JDK's keytool (as the local org makes its own): a self-signed
 * certificate for 127.0.0.1 and localhost, one that expired, one file without its key; and a client context that
 * trusts a file's certificate.
 */
public final class TestKeyStores {
    private static final String ALIAS = "intake";
    private static final String NAME = "CN=localhost, O=Unsubscribe Sync tests";

    private TestKeyStores() {}

    /** Valid from yesterday for a year. */
    public static Path valid(Path directory, String password) throws IOException {
        Path file = directory.resolve("intake.p12");
        generate(file, password, "-1d", 365);
        return file;
    }

    /** Valid for 30 days from 400 days ago. */
    public static Path expired(Path directory, String password) throws IOException {
        Path file = directory.resolve("expired.p12");
        generate(file, password, "-400d", 30);
        return file;
    }

    /** The valid certificate alone, without its private key. */
    public static Path certificateOnly(Path directory, String password) throws IOException {
        Path withKey = valid(directory.resolve("with-key"), password);
        Path certificate = directory.resolve("intake.cer");
        Path file = directory.resolve("certificate-only.p12");
        keytool(
                password,
                "-exportcert",
                "-alias",
                ALIAS,
                "-keystore",
                withKey.toString(),
                "-storepass:env",
                Keytool.PASSWORD_VARIABLE,
                "-file",
                certificate.toString());
        keytool(
                password,
                "-importcert",
                "-noprompt",
                "-alias",
                "trusted",
                "-file",
                certificate.toString(),
                "-keystore",
                file.toString(),
                "-storetype",
                "PKCS12",
                "-storepass:env",
                Keytool.PASSWORD_VARIABLE);
        return file;
    }

    /** A client context that trusts the certificate of this file and no other. */
    public static SSLContext trusting(Path file, String password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("intake", keys.getCertificate(ALIAS));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the test key store " + file + " cannot be trusted", e);
        }
    }

    private static void generate(Path file, String password, String start, int days) throws IOException {
        Files.createDirectories(file.getParent());
        keytool(
                password,
                "-genkeypair",
                "-alias",
                ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-startdate",
                start,
                "-validity",
                Integer.toString(days),
                "-dname",
                NAME,
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore",
                file.toString(),
                "-storetype",
                "PKCS12",
                "-storepass:env",
                Keytool.PASSWORD_VARIABLE,
                "-keypass:env",
                Keytool.PASSWORD_VARIABLE);
    }

    private static void keytool(String password, String... arguments) throws IOException {
        Keytool.run("make a test key store", password, arguments);
    }
}
