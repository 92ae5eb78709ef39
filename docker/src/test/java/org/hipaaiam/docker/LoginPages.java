package org.hipaaiam.docker;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A browser without JavaScript on the realm's login pages: it keeps cookies, follows Keycloak's redirects between
 * its own pages, and submits the forms a person would. It stops at the redirect back to the application.
 */
final class LoginPages {

    /** A page that has not come within this long counts as failed, as a person would give up. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>");
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Pattern FEEDBACK = Pattern.compile("kc-feedback-text\">\\s*([^<]+)<");

    private final SSLContext tls;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final String applicationUrl;
    private HttpClient http;
    private HttpResponse<String> current;

    /** @param applicationUrl the redirect URI: a redirect there ends the walk through the login pages */
    LoginPages(SSLContext tls, String applicationUrl) {
        this.tls = tls;
        this.applicationUrl = applicationUrl;
        reconnect();
    }

    /** New connections from now on, with the same cookies: a browser whose load balancer picked another node. */
    void reconnect() {
        http = HttpClient.newBuilder().sslContext(tls).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether the browser holds a cookie of this name, e.g. Keycloak's KEYCLOAK_IDENTITY. */
    boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().anyMatch(cookie -> cookie.getName().equals(name));
    }

    void open(String url) throws IOException, InterruptedException {
        follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    boolean shows(String formId) {
        return form(formId).isPresent();
    }

    /** The value of a hidden or filled-in field of the current page, such as the TOTP secret of the setup page. */
    String field(String name) {
        Matcher input = INPUT.matcher(current.body());
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group());
            if (name.equals(attributes.get("name"))) {
                return attributes.getOrDefault("value", "");
            }
        }
        throw new AssertionError("no field " + name + " on the page" + feedback());
    }

    void submit(String formId, Map<String, String> fields) throws IOException, InterruptedException {
        String action = form(formId).orElseThrow(() -> new AssertionError("no form " + formId + " on the page" + feedback()));
        String body = fields.entrySet().stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue())).collect(Collectors.joining("&"));
        follow(HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Where the login pages sent the browser back to the application, or empty while they still show a page. */
    Optional<URI> redirectToApplication() {
        return current.statusCode() == 302 ? current.headers().firstValue("Location").map(URI::create) : Optional.empty();
    }

    private void follow(HttpRequest.Builder request) throws IOException, InterruptedException {
        current = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        while (current.statusCode() == 302 && !location().startsWith(applicationUrl)) {
            current = http.send(HttpRequest.newBuilder(URI.create(location())).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private String location() {
        return current.headers().firstValue("Location").orElseThrow();
    }

    private Optional<String> form(String id) {
        Matcher form = FORM.matcher(current.body());
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group());
            if (id.equals(attributes.get("id"))) {
                return Optional.of(attributes.get("action"));
            }
        }
        return Optional.empty();
    }

    private String feedback() {
        Matcher message = FEEDBACK.matcher(current.body());
        return " (HTTP " + current.statusCode() + (message.find() ? ": " + message.group(1).trim() : "") + ")";
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2).replace("&amp;", "&"));
        }
        return attributes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
