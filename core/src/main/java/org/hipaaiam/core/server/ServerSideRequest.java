package org.hipaaiam.core.server;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import org.keycloak.common.ClientConnection;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakContext;

/**
 * The request scheduled work (separations, leaves, sweeps, deadline tasks, workflow steps) acts under.
 * Keycloak builds the issuer of back-channel logout tokens from the current request's base URL; a timer
 * thread has none, so it gets the server's own public URL.
 */
public final class ServerSideRequest implements HttpRequest {

    /** The connection work done by the server itself comes from (timer tasks, workflow steps). */
    public static final ClientConnection CONNECTION = new ClientConnection() {
        @Override
        public String getRemoteAddr() {
            return "127.0.0.1";
        }
    };

    private final BaseUri uri;

    private ServerSideRequest(URI serverUrl) {
        this.uri = new BaseUri(serverUrl);
    }

    public static void enter(KeycloakContext context, URI serverUrl) {
        context.setHttpRequest(new ServerSideRequest(serverUrl));
        context.setConnection(CONNECTION);
    }

    /** For work that may run inside a request (keep it) or on a worker thread (give it the server's URL). */
    public static void enterIfNone(KeycloakContext context, URI serverUrl) {
        if (!hasRequest(context)) {
            enter(context, serverUrl);
        }
    }

    /** The request's connection, or the server's own for work off a request thread. */
    public static ClientConnection connectionOf(KeycloakContext context) {
        try {
            ClientConnection connection = context.getConnection();
            return connection == null ? CONNECTION : connection;
        } catch (RuntimeException noRequestScope) {
            return CONNECTION;
        }
    }

    /** Off a request thread Keycloak's context has no request scope and throws rather than answer null. */
    private static boolean hasRequest(KeycloakContext context) {
        try {
            return context.getHttpRequest() != null;
        } catch (RuntimeException noRequestScope) {
            return false;
        }
    }

    @Override
    public String getHttpMethod() {
        return "POST";
    }

    @Override
    public MultivaluedMap<String, String> getDecodedFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public HttpHeaders getHttpHeaders() {
        return null;
    }

    @Override
    public X509Certificate[] getClientCertificateChain() {
        return null;
    }

    @Override
    public UriInfo getUri() {
        return uri;
    }

    @Override
    public boolean isProxyTrusted() {
        return false;
    }

    /** A request for the server's base URL itself: no path, no parameters. */
    private record BaseUri(URI base) implements UriInfo {

        @Override
        public String getPath() {
            return "";
        }

        @Override
        public String getPath(boolean decode) {
            return "";
        }

        @Override
        public List<PathSegment> getPathSegments() {
            return List.of();
        }

        @Override
        public List<PathSegment> getPathSegments(boolean decode) {
            return List.of();
        }

        @Override
        public URI getRequestUri() {
            return base;
        }

        @Override
        public UriBuilder getRequestUriBuilder() {
            return UriBuilder.fromUri(base);
        }

        @Override
        public URI getAbsolutePath() {
            return base;
        }

        @Override
        public UriBuilder getAbsolutePathBuilder() {
            return UriBuilder.fromUri(base);
        }

        @Override
        public URI getBaseUri() {
            return base;
        }

        @Override
        public UriBuilder getBaseUriBuilder() {
            return UriBuilder.fromUri(base);
        }

        @Override
        public MultivaluedMap<String, String> getPathParameters() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getPathParameters(boolean decode) {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getQueryParameters() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
            return new MultivaluedHashMap<>();
        }

        @Override
        public List<String> getMatchedURIs() {
            return List.of();
        }

        @Override
        public List<String> getMatchedURIs(boolean decode) {
            return List.of();
        }

        @Override
        public List<Object> getMatchedResources() {
            return List.of();
        }

        @Override
        public URI resolve(URI uri) {
            return base.resolve(uri);
        }

        @Override
        public URI relativize(URI uri) {
            return base.relativize(uri);
        }
    }
}
