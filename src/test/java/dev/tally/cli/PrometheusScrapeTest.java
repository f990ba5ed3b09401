package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.Promtool;
import dev.tally.testing.ProviderHarness;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) on loopback scrapes a real {@code tally watch
 * --metrics} process and answers a query for {@code tally_balance} through its HTTP API. Bounded: every wait has a
 * deadline (at most a minute or two in all); both processes are killed and the data folder removed afterwards.
 */
@Slow
class PrometheusScrapeTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path prometheusDir;
    private final FakeProviderServer provider = FakeProviderServer.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process watch;
    private Process prometheus;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : new Process[] {prometheus, watch}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        }
        provider.close();
    }

    /** Starts {@code tally watch --metrics 127.0.0.1:0} in its own JVM and returns the URL it serves. */
    private String startWatch() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.tally.launcher.Main", "watch", "--metrics", "127.0.0.1:0",
                "--stop-after", "300");
        pb.environment().put("TALLY_HOME", home.toString());
        pb.environment().put("TALLY_KEYCHAIN", "off");
        pb.environment().put("DEEPSEEK_API_KEY", ProviderHarness.CANARY);
        pb.redirectOutput(home.resolve("watch.out").toFile());
        watch = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("Metrics at ")) {
                return line.substring("Metrics at ".length()).split(" ")[0];
            }
            if (line == null && !watch.isAlive()) {
                fail("tally watch ended: " + lines);
            }
        }
        return fail("tally watch did not say where its metrics are: " + lines);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    @Test
    void prometheusScrapesWatchAndAnswersAQueryForTheBalance() throws Exception {
        Path promBinary = Promtool.require("prometheus");
        provider.fixture("/user/balance", 200, "deepseek/balance.json");
        CliRunner cli = new CliRunner(home).env("TALLY_KEYCHAIN", "off").env("DEEPSEEK_API_KEY", ProviderHarness.CANARY);
        assertEquals(0, cli.run("accounts", "add", "--provider", "deepseek", "--label", "ds",
                "--base-url", provider.baseUrl().toString()).code());

        String metricsUrl = startWatch();
        // the first poll has happened once the balance is in the text
        long end = System.nanoTime() + DEADLINE.toNanos();
        String text = "";
        while (System.nanoTime() < end && !text.contains("tally_balance{")) {
            text = get(metricsUrl);
            if (!text.contains("tally_balance{")) {
                Thread.sleep(500);
            }
        }
        assertTrue(text.contains("tally_balance{account=\"deepseek-ds\",provider=\"deepseek\",currency=\"CNY\"} 110.00"), text);
        Promtool.checkMetrics(text);

        URI target = URI.create(metricsUrl);
        int port = freePort();
        Path config = prometheusDir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: tally
                    static_configs:
                      - targets: ['%s:%d']
                """.formatted(target.getHost(), target.getPort()));
        ProcessBuilder pb = new ProcessBuilder(promBinary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + prometheusDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn");
        pb.redirectErrorStream(true).redirectOutput(prometheusDir.resolve("prometheus.log").toFile());
        prometheus = pb.start();

        String query = "http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode("tally_balance{account=\"deepseek-ds\",currency=\"CNY\"}", StandardCharsets.UTF_8);
        JsonNode result = null;
        while (System.nanoTime() < end) {
            try {
                JsonNode answer = JSON.readTree(get(query));
                if (answer.path("data").path("result").size() > 0) {
                    result = answer.path("data").path("result").get(0);
                    break;
                }
            } catch (IOException | AssertionError notYet) {
                if (!prometheus.isAlive()) {
                    fail("prometheus ended: " + Files.readString(prometheusDir.resolve("prometheus.log")));
                }
            }
            Thread.sleep(500);
        }
        assertNotNull(result, "Prometheus never had tally_balance within " + DEADLINE.toSeconds() + " s: "
                + Files.readString(prometheusDir.resolve("prometheus.log")));
        assertEquals("deepseek", result.path("metric").path("provider").asText());
        assertEquals("tally", result.path("metric").path("job").asText());
        assertEquals(110.0, Double.parseDouble(result.path("value").get(1).asText()), 0.0);
        JsonNode up = JSON.readTree(get("http://127.0.0.1:" + port + "/api/v1/query?query=up"));
        assertEquals("1", up.path("data").path("result").get(0).path("value").get(1).asText(), "the scrape worked");
    }
}
