package org.hipaaiam.core.settings;

import java.net.URI;

/** The server's public base URL, which work done off a request names as the issuer when it tells apps of a logout. */
public final class ServerUrl {

    /** SPI option of each provider that schedules such work. */
    public static final Setting<URI> OPTION = Setting.parsed("server-url", URI.create("http://localhost:8080/"), ServerUrl::parse);

    private ServerUrl() {
    }

    static URI parse(String value) {
        URI url = URI.create(value);
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        return url;
    }
}
