package dev.tally.provider;

import dev.tally.core.Text;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which proxy a provider request goes through, the way developer tools usually decide it:
 * <ol>
 *   <li>{@code HTTPS_PROXY} / {@code https_proxy} (else {@code ALL_PROXY} / {@code all_proxy}), e.g.
 *       {@code http://proxy.corp:3128}, with hosts in {@code NO_PROXY} / {@code no_proxy} (comma-separated names
 *       or domain suffixes such as {@code .corp}, {@code *} for all) going direct;</li>
 *   <li>otherwise the JVM's default selector: the {@code https.proxyHost} system properties, and the desktop's
 *       own proxy settings (GNOME, KDE, Windows, macOS) when {@code java.net.useSystemProxies} is on, which the
 *       launcher turns on.</li>
 * </ol>
 * Requests to this computer (loopback) never go through a proxy. Only plain HTTP proxies are supported (HTTPS
 * to the provider is tunnelled through them with CONNECT, so the proxy never sees the key). A proxy variable that
 * cannot be used (a login in it, an https:// proxy, no host) is a {@link #problem()}: requests then fail with that
 * message rather than go direct, around the proxy the user asked for.
 * Immutable and thread-safe.
 */
public final class Proxies extends ProxySelector {
    private final Proxy proxy;
    private final String proxyText;
    private final List<String> noProxy;
    private final boolean noProxyAll;
    private final ProxySelector fallback;
    private final Text problem;

    private Proxies(Proxy proxy, String proxyText, List<String> noProxy, boolean noProxyAll, ProxySelector fallback,
                    Text problem) {
        this.problem = problem;
        this.proxy = proxy;
        this.proxyText = proxyText;
        this.noProxy = List.copyOf(noProxy);
        this.noProxyAll = noProxyAll;
        this.fallback = fallback;
    }

    /**
     * The selector for this environment; never throws (a variable that cannot be used becomes {@link #problem()}).
     *
     * @param fallback used when no proxy variable is set, e.g. {@link ProxySelector#getDefault()}; may be null
     */
    public static Proxies fromEnvironment(Map<String, String> env, ProxySelector fallback) {
        List<String> noProxy = new ArrayList<>();
        boolean all = noProxy(env, noProxy);
        try {
            return parse(env, fallback, noProxy, all);
        } catch (Unusable e) {
            return new Proxies(null, null, noProxy, all, null, e.why);
        }
    }

    /** Fills {@code into} with the NO_PROXY hosts and domains; true for {@code *} (no proxy at all). */
    private static boolean noProxy(Map<String, String> env, List<String> into) {
        boolean all = false;
        String np = firstSet(env, "NO_PROXY", "no_proxy").map(env::get).orElse("");
        for (String part : np.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.equals("*")) {
                all = true;
            } else if (!p.isEmpty()) {
                // "host:port" entries are matched on the host; a leading "*." or "." means the domain
                int colon = p.lastIndexOf(':');
                if (colon > 0 && p.indexOf(':') == colon) {
                    p = p.substring(0, colon);
                }
                into.add(p.startsWith("*.") ? p.substring(1) : p);
            }
        }
        return all;
    }

    private static Proxies parse(Map<String, String> env, ProxySelector fallback, List<String> noProxy, boolean all) {
        String name = firstSet(env, "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy").orElse(null);
        if (name == null) {
            return new Proxies(null, null, noProxy, all, fallback, null);
        }
        String value = env.get(name).strip();
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException e) {
            throw new Unusable(FetchPhrase.PROXY_NOT_AN_ADDRESS.text(name));
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http")) {
            throw new Unusable(FetchPhrase.PROXY_SCHEME.text(name, uri.getScheme()));
        }
        if (uri.getRawUserInfo() != null) {
            throw new Unusable(FetchPhrase.PROXY_HAS_LOGIN.text(name));
        }
        if (uri.getHost() == null) {
            throw new Unusable(FetchPhrase.PROXY_NO_HOST.text(name));
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        Proxy p = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
        return new Proxies(p, uri.getHost() + ":" + port + " (" + name + ")", noProxy, all, fallback, null);
    }

    private static Optional<String> firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** Why the proxy variable cannot be used, or empty. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem).map(Text::toString);
    }

    /** A proxy variable that cannot be used, and why. */
    private static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Text why;

        Unusable(Text why) {
            super(null, null, false, false);
            this.why = why;
        }
    }

    /**
     * Why a request to {@code uri} must not be sent: the proxy variable cannot be used and the host is not one that
     * goes direct anyway (this computer, NO_PROXY). Empty when the request may go.
     */
    public Optional<Text> problemFor(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return problem == null || direct(host) ? Optional.empty() : Optional.of(problem);
    }

    private boolean direct(String host) {
        return BaseUrls.isLoopback(host) || noProxyAll || bypassed(host);
    }

    /** The proxy in use from the environment, e.g. {@code proxy.corp:3128 (HTTPS_PROXY)}; empty when none is set. */
    public Optional<String> describe() {
        return Optional.ofNullable(proxyText);
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (direct(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        if (proxy != null) {
            return List.of(proxy);
        }
        List<Proxy> chosen = fallback == null ? null : fallback.select(uri);
        return chosen == null || chosen.isEmpty() ? List.of(Proxy.NO_PROXY) : chosen;
    }

    private boolean bypassed(String host) {
        for (String entry : noProxy) {
            if (entry.startsWith(".") ? host.endsWith(entry) || host.equals(entry.substring(1))
                    : host.equals(entry) || host.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (proxy == null && fallback != null) {
            fallback.connectFailed(uri, sa, ioe);
        }
    }
}
