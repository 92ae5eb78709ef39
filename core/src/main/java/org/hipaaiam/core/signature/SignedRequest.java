package org.hipaaiam.core.signature;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything a v2 signature covers, and its one canonical form: the MAC is over
 *
 * <pre>
 * v2 LF t LF METHOD LF realm LF path LF query LF body
 * </pre>
 *
 * where `realm` is the realm's name and each path segment, query name and query value are percent-encoded
 * ({@link PercentEncoding}); the query's `name=value` pairs are sorted by encoded name (a repeated name keeps
 * its values' order) and joined with `&`, and a request without a query has an empty line there. No field but
 * the last can hold a line feed, so no two requests share a canonical form.
 */
public final class SignedRequest {

    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");

    private final String method;
    private final String realm;
    private final String path;
    private final String query;
    private final byte[] body;

    private SignedRequest(String method, String realm, String path, String query, byte[] body) {
        this.method = method;
        this.realm = realm;
        this.path = path;
        this.query = query;
        this.body = body == null ? new byte[0] : body;
    }

    /**
     * A request as the server routed it: the decoded path (from `/realms/` on, as in `/realms/hipaa/hr-feed/roster`)
     * and the decoded query parameters, in the order received.
     */
    public static SignedRequest received(String method, String realm, String path, Map<String, List<String>> query, byte[] body) {
        List<String[]> pairs = new ArrayList<>();
        query.forEach((name, values) -> values.forEach(value -> pairs.add(new String[] {name, value})));
        return new SignedRequest(method(method), realm, canonicalPath(path.split("/", -1), false), canonicalQuery(pairs), body);
    }

    /**
     * A request about to be sent to `target`, whose raw path and query are read as a server reads them (`%XX`
     * decoded, and `+` in the query a space).
     */
    public static SignedRequest to(String method, String realm, URI target, byte[] body) {
        List<String[]> pairs = new ArrayList<>();
        String rawQuery = target.getRawQuery();
        for (String parameter : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (!parameter.isEmpty()) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : parameter.substring(equals + 1);
                pairs.add(new String[] {PercentEncoding.decode(name, true), PercentEncoding.decode(value, true)});
            }
        }
        String rawPath = target.getRawPath() == null ? "" : target.getRawPath();
        return new SignedRequest(method(method), realm, canonicalPath(rawPath.split("/", -1), true), canonicalQuery(pairs), body);
    }

    /** The bytes the MAC is computed over, for a signature made at `unixSeconds`. */
    public byte[] canonical(long unixSeconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
        String head = String.join("\n", "v2", Long.toString(unixSeconds), method, PercentEncoding.encode(realm), path, query) + "\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static String method(String method) {
        String upper = String.valueOf(method).toUpperCase(Locale.ROOT);
        if (!METHOD.matcher(upper).matches()) {
            throw new IllegalArgumentException("not an HTTP method: " + method);
        }
        return upper;
    }

    /** Each segment encoded one way; an empty path is `/`. */
    private static String canonicalPath(String[] segments, boolean encoded) {
        List<String> canonical = new ArrayList<>(segments.length);
        for (String segment : segments) {
            canonical.add(PercentEncoding.encode(encoded ? PercentEncoding.decode(segment, false) : segment));
        }
        String path = String.join("/", canonical);
        return path.startsWith("/") ? path : "/" + path;
    }

    private static String canonicalQuery(List<String[]> pairs) {
        return pairs.stream()
                .map(pair -> new String[] {PercentEncoding.encode(pair[0]), PercentEncoding.encode(pair[1])})
                .sorted(Comparator.comparing(pair -> pair[0]))
                .map(pair -> pair[0] + "=" + pair[1])
                .reduce((a, b) -> a + "&" + b)
                .orElse("");
    }
}
