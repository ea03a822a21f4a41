package com.unsubscribesync.salesforce;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Does what the admin's browser does over HTTP: loads the org's authorize page, submits its form with the chosen
 * button, and follows the redirect to the app's loopback listener. The redirect can be tampered with to play an
 * attacker.
 */
public final class SimulatedBrowser implements Browser {
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String button;
    private final UnaryOperator<String> redirectTampering;
    volatile String lastPage;
    /** The page the app's listener answered the redirect with. */
    private final java.util.concurrent.CompletableFuture<String> callbackPage =
            new java.util.concurrent.CompletableFuture<>();

    SimulatedBrowser(String button, UnaryOperator<String> redirectTampering) {
        this.button = button;
        this.redirectTampering = redirectTampering;
    }

    public static SimulatedBrowser allowing() {
        return new SimulatedBrowser("allow", UnaryOperator.identity());
    }

    public static SimulatedBrowser denying() {
        return new SimulatedBrowser("deny", UnaryOperator.identity());
    }

    /** Allows access, then follows the redirect as the given function rewrites it (an attacker, a broken proxy). */
    public static SimulatedBrowser tamperingWith(UnaryOperator<String> redirect) {
        return new SimulatedBrowser("allow", redirect);
    }

    @Override
    public void open(URI address) {
        Thread thread = new Thread(() -> follow(address), "simulated-browser");
        thread.setDaemon(true);
        thread.start();
    }

    /** The page the app showed after the redirect, waiting a few seconds for it. */
    String callbackPage() {
        try {
            return callbackPage.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the browser got no page back from the app: " + lastPage, e);
        }
    }

    private void follow(URI address) {
        lastPage = null;
        try {
            HttpResponse<String> page =
                    http.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());
            lastPage = page.body();
            Map<String, String> form = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(page.body());
            while (hidden.find()) {
                form.put(
                        hidden.group(1),
                        hidden.group(2)
                                .replace("&quot;", "\"")
                                .replace("&lt;", "<")
                                .replace("&gt;", ">")
                                .replace("&amp;", "&"));
            }
            form.put("approve", button);
            URI action = address.resolve("/services/oauth2/authorize");
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(action)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                                    .collect(Collectors.joining("&"))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElseThrow();
            callbackPage.complete(http.send(
                            HttpRequest.newBuilder(URI.create(redirectTampering.apply(location)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (Exception e) {
            lastPage = (lastPage == null ? "" : lastPage + "\n") + "browser failed: " + e;
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
