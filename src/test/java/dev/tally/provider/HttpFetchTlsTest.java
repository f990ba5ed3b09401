package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Secret;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two clients of {@link HttpFetch} on real sockets: plain http is answered without any TLS set-up, and https still
 * verifies certificates with the JDK's CA list — a server with a self-signed certificate is refused, named, and the
 * key is not sent in the clear or leaked in the message.
 */
@Slow
class HttpFetchTlsTest {
    private static final Secret KEY = Secret.of(ProviderHarness.CANARY);

    @TempDir
    Path dir;
    private HttpsServer https;
    private final FakeProviderServer plain = FakeProviderServer.start();
    private final HttpFetch http = new HttpFetch("1.2.3", Duration.ofSeconds(5), Duration.ofSeconds(5),
            HttpFetch.MAX_BODY_BYTES, java.time.Clock.systemUTC());

    @AfterEach
    void stop() {
        http.close();
        plain.close();
        if (https != null) {
            https.stop(0);
        }
    }

    /** A TLS server on 127.0.0.1 with a certificate keytool makes now (self-signed: no CA vouches for it). */
    private URI selfSignedServer() throws Exception {
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "fake", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ctx));
        https.createContext("/", ex -> {
            byte[] b = "{\"leaked\":true}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        https.start();
        return URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/user/balance");
    }

    private static HttpFetch.Call call(URI uri) {
        return new HttpFetch.Call("test", uri, Map.of("Authorization", "Bearer " + KEY.reveal()), List.of(KEY));
    }

    @Test
    void httpsStillRefusesACertificateNoAuthorityVouchesFor() throws Exception {
        URI uri = selfSignedServer();
        FetchException e = assertThrows(FetchException.class, () -> http.getJson(call(uri)));
        FetchError err = assertInstanceOf(FetchError.NetworkError.class, e.error());
        assertTrue(err.message().startsWith("secure connection to 127.0.0.1 failed"), err.message());
        assertFalse(err.message().contains(KEY.reveal()), err.message());
    }

    @Test
    void plainHttpAndHttpsFromOneFetcherEachGetTheirOwnClient() throws Exception {
        plain.json("/user/balance", 200, "{\"a\": 1.50}");
        JsonNode n = http.getJson(call(plain.baseUrl().resolve("/user/balance")));
        assertEquals("1.50", n.get("a").decimalValue().toPlainString());
        URI uri = selfSignedServer();
        assertThrows(FetchException.class, () -> http.getJson(call(uri)), "the plain client never takes https");
        assertEquals("1.50", http.getJson(call(plain.baseUrl().resolve("/user/balance"))).get("a").decimalValue()
                .toPlainString(), "and plain http keeps working after an https failure");
    }
}
