package dev.tally.launcher;

import com.sun.net.httpserver.HttpServer;
import dev.tally.cli.Cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the command line's AOT cache (JDK 25, JEP 483/514/515), run by the build at package time:
 * {@code java -XX:AOTCacheOutput=target/tally.aot -cp target/tally.jar dev.tally.launcher.AotTraining}. It runs the
 * commands people run most — {@code balance} against a local fake DeepSeek that answers with the example of
 * DeepSeek's documentation, then {@code status}, {@code history}, {@code --help} — in one throwaway home, with the
 * keychain off, and fails (exit 1) unless every one succeeds, so the cache holds the classes of the success path.
 * An AOT cache loads every class it holds at start, so the commands run most have caches of their own, each trained
 * on that command alone: with the argument {@code help} the help and version output ({@code target/tally-help.aot},
 * without the HTTP client, Jackson and SQLite), with {@code balance} the balance against the fake
 * ({@code tally-balance.aot}), with {@code status} the status forms ({@code tally-status.aot}; the history it shows is
 * written first by another JVM, so the fetch's classes stay out). Not part of the command line; nothing leaves this
 * computer.
 */
public final class AotTraining {
    /** The example answer of DeepSeek's {@code GET /user/balance} documentation. */
    static final String DEEPSEEK_BALANCE = """
            {
              "is_available": true,
              "balance_infos": [
                { "currency": "CNY", "total_balance": "110.00", "granted_balance": "10.00", "topped_up_balance": "100.00" }
              ]
            }
            """;

    private AotTraining() {
    }

    /** What {@code tally --help} and friends run; nothing else is loaded for them. */
    static final List<List<String>> HELP_RUNS = List.of(
            List.of("--help"),
            List.of("-h"),
            List.of("--version"),
            List.of("help", "status"));

    public static void main(String[] args) throws IOException, InterruptedException {
        String mode = args.length == 0 ? "" : args[0];
        if (mode.equals("help")) {
            Map<String, String> env = Map.of("TALLY_KEYCHAIN", "off");
            int failed = 0;
            for (List<String> run : HELP_RUNS) {
                failed += run(env, run) ? 0 : 1;
            }
            // the help in Chinese reads two bundles (ResourceBundle, picocli's Messages): cached too
            failed += run(Map.of("TALLY_KEYCHAIN", "off", "TALLY_LANG", "zh-CN"), List.of("--help")) ? 0 : 1;
            System.exit(failed == 0 ? 0 : 1);
        }
        if (mode.equals("seed") && args.length == 2) {
            // run by 'status' in a JVM of its own: a history to show, without the fetch's classes in that cache
            Path home = Path.of(args[1]);
            System.exit(withFake(url -> runAll(env(home), List.of(
                    List.of("accounts", "add", "--provider", "deepseek", "--label", "work", "--base-url", url),
                    List.of("balance", "deepseek", "--base-url", url),
                    List.of("balance")))) == 0 ? 0 : 1);
        }
        Path home = Files.createTempDirectory("tally-aot-training");
        int failed;
        try {
            failed = switch (mode) {
                case "balance" -> withFake(url -> runAll(env(home), List.of(
                        List.of("balance", "deepseek", "--json", "--base-url", url),
                        List.of("balance", "deepseek", "--base-url", url))));
                case "status" -> seeded(home) ? runAll(env(home), List.of(
                        List.of("status"),
                        List.of("status", "--json"),
                        List.of("status", "--short"),
                        List.of("status", "--format", "{label} {amount}"))) : 1;
                default -> withFake(url -> runAll(env(home), everything(url)));
            };
        } finally {
            deleteTree(home);
        }
        if (failed > 0) {
            System.err.println("AOT training: " + failed + " run(s) failed; the cache would miss their classes");
            System.exit(1);
        }
        System.exit(0);
    }

    /** Everything people run most, for the cache of every other command line. */
    private static List<List<String>> everything(String url) {
        return List.of(
                List.of("--help"),
                List.of("--version"),
                List.of("balance", "deepseek", "--json", "--base-url", url),
                List.of("balance", "deepseek", "--base-url", url),
                List.of("status"),
                List.of("status", "--json"),
                List.of("status", "--short"),
                List.of("status", "--format", "{label} {amount}"),
                List.of("history", "deepseek"),
                List.of("history", "deepseek", "--json"),
                List.of("accounts", "add", "--provider", "deepseek", "--label", "work", "--base-url", url),
                List.of("accounts", "list"),
                List.of("balance"),
                List.of("balance", "--json"),
                List.of("status"),
                List.of("status", "--short"),
                List.of("history", "deepseek-work", "--json"),
                List.of("balance", "--help"),
                List.of("status", "--help"),
                List.of("help", "history"));
    }

    private static Map<String, String> env(Path home) {
        return Map.of("TALLY_HOME", home.toString(), "TALLY_KEYCHAIN", "off",
                "DEEPSEEK_API_KEY", "sk-aot-training-0000000000000000");
    }

    private static int runAll(Map<String, String> env, List<List<String>> runs) {
        int failed = 0;
        for (List<String> run : runs) {
            failed += run(env, run) ? 0 : 1;
        }
        return failed;
    }

    /** Runs {@code runs} with the URL of a local fake DeepSeek answering the documented example; the failures. */
    private static int withFake(java.util.function.ToIntFunction<String> runs) throws IOException {
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/user/balance", exchange -> {
            try (exchange; InputStream ignored = exchange.getRequestBody()) {
                byte[] body = DEEPSEEK_BALANCE.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        fake.start();
        try {
            return runs.applyAsInt("http://127.0.0.1:" + fake.getAddress().getPort());
        } finally {
            fake.stop(0);
        }
    }

    /** An account with a history in {@code home}, written by {@code seed} in another JVM with the same class path. */
    private static boolean seeded(Path home) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), AotTraining.class.getName(), "seed", home.toString())
                .inheritIO();
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        int code = pb.start().waitFor();
        if (code != 0) {
            System.err.println("AOT training: seeding a history for 'status' exited " + code);
        }
        return code == 0;
    }

    private static boolean run(Map<String, String> env, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.commandLine(args.toArray(String[]::new), env, InputStream.nullInputStream(), out, err);
        if (code != Cli.OK) {
            System.err.println("AOT training: 'tally " + String.join(" ", args) + "' exited " + code + ": "
                    + err.toString(StandardCharsets.UTF_8));
            return false;
        }
        return true;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
