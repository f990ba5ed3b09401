package dev.tally.provider;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The base-URL rule: an account's {@code baseUrl} replaces the provider's documented origin, and a path
 * in it is prefixed to the documented path. Plain {@code http} is accepted only for loopback addresses,
 * so a key never crosses a network in clear text.
 */
public final class BaseUrls {
    private BaseUrls() {
    }

    /**
     * Parses and checks a user-supplied base URL.
     *
     * @return the URL without query, fragment or trailing slash
     * @throws IllegalArgumentException with a message saying exactly what is wrong
     */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the base URL is empty");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("the base URL must look like https://host[:port][/path], got '" + text.strip() + "'");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("the port in the base URL must be between 1 and 65535, got "
                    + uri.getPort() + " in '" + text.strip() + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the base URL must not contain a user name or password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the base URL must not contain a query or fragment");
        }
        requireSecureScheme(uri);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(scheme + "://" + uri.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a valid URL");
        }
    }

    /** Joins an origin (possibly with a path prefix) and a documented path that may carry a query. */
    public static URI resolve(URI base, String pathAndQuery) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        String p = pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + prefix + p);
    }

    /** @throws IllegalArgumentException unless the URL is https, or http to a loopback address */
    public static void requireSecureScheme(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return;
        }
        throw new IllegalArgumentException("plain http is only allowed to this computer (127.0.0.1, ::1, localhost); use https for "
                + uri.getHost());
    }

    /** True for {@code localhost}, 127.0.0.0/8 and ::1 — decided from the text alone, no DNS lookup. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(h).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
