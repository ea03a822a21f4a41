package com.unsubscribesync.localorg.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's keytool, given the store's password in its environment ({@value #PASSWORD_VARIABLE}, for
 * {@code -storepass:env} and {@code -keypass:env}), never on its command line, where other users could read it.
 */
public final class Keytool {
    public static final String PASSWORD_VARIABLE = "KEYTOOL_STORE_PASSWORD";

    private Keytool() {}

    /**
     * @param purpose what the run is for, as the error says it: "make the local org's certificate"
     * @throws IOException when keytool fails, with what it printed
     */
    public static void run(String purpose, String password, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed to " + purpose + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool was to " + purpose, e);
        }
    }
}
