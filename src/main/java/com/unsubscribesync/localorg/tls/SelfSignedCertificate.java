package com.unsubscribesync.localorg.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The org's own self-signed certificate for 127.0.0.1 and localhost, made once with the JDK's keytool and kept in
 * the state directory (key store, its password file, and the certificate in PEM for clients to trust).
 */
public final class SelfSignedCertificate {
    private static final String STORE = "localorg-tls.p12";
    private static final String PASSWORD = "localorg-tls.password";
    private static final String CERTIFICATE = "localorg-certificate.pem";
    private static final String ALIAS = "localorg";

    private final SSLContext context;
    private final Path certificate;

    private SelfSignedCertificate(SSLContext context, Path certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    public static SelfSignedCertificate inDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path store = directory.resolve(STORE);
        Path passwordFile = directory.resolve(PASSWORD);
        Path pem = directory.resolve(CERTIFICATE);
        if (!Files.exists(store) || !Files.exists(passwordFile)) {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Files.deleteIfExists(store);
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
            restrict(passwordFile);
            Keytool.run(
                    "make the local org's certificate",
                    password,
                    "-genkeypair",
                    "-alias",
                    ALIAS,
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-validity",
                    "825",
                    "-dname",
                    "CN=localhost, O=Unsubscribe Sync local org",
                    "-ext",
                    "SAN=ip:127.0.0.1,dns:localhost",
                    "-keystore",
                    store.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass:env",
                    Keytool.PASSWORD_VARIABLE,
                    "-keypass:env",
                    Keytool.PASSWORD_VARIABLE);
            Files.deleteIfExists(pem);
        }
        char[] password =
                Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray();
        KeyStore keys = load(store, password);
        if (!Files.exists(pem)) {
            writePem(keys, pem);
        }
        return new SelfSignedCertificate(context(keys, password, store), pem.toAbsolutePath());
    }

    private static KeyStore load(Path store, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IOException("the local org's key store " + store + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writePem(KeyStore keys, Path pem) throws IOException {
        try {
            byte[] encoded = keys.getCertificate(ALIAS).getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(encoded);
            Files.writeString(
                    pem,
                    "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n",
                    StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException("the local org's certificate cannot be written: " + e.getMessage(), e);
        }
    }

    public SSLContext sslContext() {
        return context;
    }

    public Path certificatePath() {
        return certificate;
    }

    private static SSLContext context(KeyStore keys, char[] password, Path store) throws IOException {
        try {
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the local org's key store " + store + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own protection has to do
        }
    }
}
