package dev.tally.poll;

import dev.tally.account.Account;
import dev.tally.engine.Engine;
import dev.tally.core.ProviderId;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyResolver;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.Fixtures;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Benchmark (not a test): "Refresh all" for 10 accounts against a fake provider that takes 300 ms per answer,
 * compared with one request. Run by {@code bench/refresh-bench.sh}. Prints medians over several rounds.
 */
public final class RefreshBenchmark {
    private RefreshBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        byte[] body = Fixtures.read("deepseek/balance.json").getBytes(StandardCharsets.UTF_8);
        try (FakeProviderServer server = FakeProviderServer.start();
             ExecutorScheduler scheduler = new ExecutorScheduler();
             var fetchers = Executors.newVirtualThreadPerTaskExecutor()) {
            ProviderCatalog catalog = ProviderCatalog.standard();
            List<FetchTarget> targets = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = "acc" + i;
                server.handle("/" + id + "/user/balance", ex -> {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                    ex.close();
                });
                Account a = new Account(id, ProviderId.of("deepseek"), "DeepSeek " + i, null,
                        URI.create(server.baseUrl() + "/" + id), null, null, 60);
                targets.add(FetchTarget.of(a, catalog.find("deepseek").orElseThrow()));
            }
            BalanceFetcher fetcher = new BalanceFetcher(catalog, new KeyResolver(Map.of("DEEPSEEK_API_KEY", "sk-bench")),
                    new HttpFetch("bench"), Clock.systemUTC());
            Poller poller = new Poller(fetcher, scheduler, fetchers, Clock.systemUTC(), new Random(1),
                    Engine.MAX_CONCURRENT_REQUESTS);
            poller.setTargets(targets, Map.of());
            Thread.sleep(4_000); // let the staggered first polls finish
            long[] one = new long[rounds];
            long[] all = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                poller.refresh("acc0").orElseThrow().get();
                one[r] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                CompletableFuture.allOf(poller.refreshAll().toArray(CompletableFuture[]::new)).get();
                all[r] = System.nanoTime() - t0;
            }
            poller.close();
            System.out.printf("one request (300 ms server):   median %d ms%n", median(one));
            System.out.printf("refresh all, 10 accounts:      median %d ms (%.2f x one request; cap %d in flight)%n",
                    median(all), (double) median(all) / median(one), Engine.MAX_CONCURRENT_REQUESTS);
        }
    }

    private static long median(long[] ns) {
        long[] c = ns.clone();
        Arrays.sort(c);
        return c[c.length / 2] / 1_000_000;
    }
}
