package dev.tally.metrics;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /metrics endpoint over a real socket on 127.0.0.1. */
class MetricsServerTest {
    private static final String TEXT = "# HELP tally_up x\n# TYPE tally_up gauge\ntally_up{account=\"ds\"} 1\n";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(MetricsServer s, String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url().replace("/metrics", path)));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePrometheusTextOnLoopback() throws Exception {
        try (MetricsServer s = MetricsServer.start(MetricsServer.parseAddress("127.0.0.1:0"), () -> TEXT, Optional.empty())) {
            assertTrue(s.address().getAddress().isLoopbackAddress());
            HttpResponse<String> r = get(s, "/metrics", null);
            assertEquals(200, r.statusCode());
            assertEquals(TEXT, r.body());
            assertEquals(PrometheusText.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(404, get(s, "/", null).statusCode());
            assertEquals(404, get(s, "/metrics/../secret", null).statusCode());
        }
    }

    @Test
    void aBearerTokenIsRequiredWhenGiven() throws Exception {
        try (MetricsServer s = MetricsServer.start(MetricsServer.parseAddress(":0"), () -> TEXT, Optional.of("t0ken-abc"))) {
            assertEquals(401, get(s, "/metrics", null).statusCode());
            assertEquals(401, get(s, "/metrics", "Bearer wrong").statusCode());
            assertEquals("Bearer realm=\"tally\"", get(s, "/metrics", null).headers().firstValue("WWW-Authenticate").orElseThrow());
            HttpResponse<String> ok = get(s, "/metrics", "Bearer t0ken-abc");
            assertEquals(200, ok.statusCode());
            assertEquals(TEXT, ok.body());
        }
    }

    @Test
    void addressesAreCheckedInWords() {
        assertEquals(9464, MetricsServer.parseAddress(MetricsServer.DEFAULT_ADDRESS).getPort());
        assertTrue(MetricsServer.parseAddress(MetricsServer.DEFAULT_ADDRESS).getAddress().isLoopbackAddress());
        InetSocketAddress v6 = MetricsServer.parseAddress("[::1]:9464");
        assertTrue(v6.getAddress().isLoopbackAddress());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricsServer.parseAddress("9464")).getMessage()
                .contains("HOST:PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricsServer.parseAddress("127.0.0.1:99999"))
                .getMessage().contains("between 0 and 65535"));
    }
}
