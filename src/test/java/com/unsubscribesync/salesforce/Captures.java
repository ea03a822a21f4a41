package com.unsubscribesync.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Salesforce answers captured from real orgs under {@code src/test/resources/captures} (see SOURCES.md there).
 * A file's name says which API answered ({@code partner-}, {@code metadata-}, {@code bulk-}, {@code oauth-}) and
 * whether it is a refusal ({@code -fault-}, {@code oauth-error-}); our provenance comment in front of an XML root is
 * removed before replaying, so the client reads the bytes Salesforce sent.
 */
final class Captures {
    static final String FOLDER = "captures";

    private Captures() {}

    /** Every capture file in the folder, by name (SOURCES.md is not one). */
    static List<String> names() {
        URL folder = Captures.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            throw new IllegalStateException("the captures folder is not on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("the captures folder cannot be listed", e);
        }
    }

    /** The file as stored, provenance comment included. */
    static String stored(String name) {
        try (InputStream in = Captures.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture named " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Salesforce sent: the stored file without our provenance comment (and the line break after it). */
    static String answer(String name) {
        String text = stored(name);
        int start = text.indexOf("<!-- Capture:");
        if (start < 0) {
            return text;
        }
        int end = text.indexOf("-->", start) + 3;
        int after = end < text.length() && text.charAt(end) == '\n' ? end + 1 : end;
        return text.substring(0, start) + text.substring(after);
    }

    /**
     * A captured Layout document ({@code metadata-layout-...}) as a readMetadata answer: the envelope, the
     * {@code records} element and its leading {@code fullName} are ours, the Layout's elements are the capture's.
     */
    static ReplayServer.Answer layoutReadAnswer(String name, String fullName) {
        String layout = answer(name);
        int open = layout.indexOf('>', layout.indexOf("<Layout")) + 1;
        String elements = layout.substring(open, layout.lastIndexOf("</Layout>"));
        return new ReplayServer.Answer(
                200,
                contentType(name),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                        + "xmlns=\"http://soap.sforce.com/2006/04/metadata\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><readMetadataResponse><result>"
                        + "<records xsi:type=\"Layout\"><fullName>" + fullName + "</fullName>" + elements
                        + "</records></result></readMetadataResponse></soapenv:Body></soapenv:Envelope>");
    }

    /** The API a capture came from: the prefix of its name. */
    static String api(String name) {
        return name.substring(0, name.indexOf('-'));
    }

    /** Whether Salesforce refused the call in this capture. */
    static boolean refusal(String name) {
        return name.contains("-fault-") || name.startsWith("oauth-error-");
    }

    /** The HTTP status Salesforce answers with: 500 for a SOAP fault, 400 for an OAuth error, 200 otherwise. */
    static int status(String name) {
        if (name.startsWith("oauth-error-")) {
            return 400;
        }
        return refusal(name) ? 500 : 200;
    }

    static String contentType(String name) {
        if (name.endsWith(".json")) {
            return "application/json;charset=UTF-8";
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        return api(name).equals("bulk") ? "application/xml" : "text/xml;charset=UTF-8";
    }
}
