package dev.tally.provider;

import com.sun.net.httpserver.HttpExchange;
import dev.tally.core.FetchError;
import dev.tally.core.SpendReport;
import dev.tally.core.SpendSince;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spend since a known top-up, from fake OpenAI and Anthropic cost servers that serve a ledger of daily buckets from the
 * asked start, a few buckets per page (so several pages are followed). The clock is {@link ProviderHarness#NOW}
 * (22 Nov 2026, 05:00 UTC).
 */
class SpendSinceTopUpTest {
    private static final int PER_PAGE = 4;
    private final FakeProviderServer server = FakeProviderServer.start();

    /** Dollars spent per UTC day, 20 Oct to 22 Nov: 1.10 a day, 0.05 on 22 Nov so far. */
    private static final TreeMap<LocalDate, BigDecimal> LEDGER = new TreeMap<>();

    static {
        for (LocalDate d = LocalDate.of(2026, 10, 20); d.isBefore(LocalDate.of(2026, 11, 22)); d = d.plusDays(1)) {
            LEDGER.put(d, new BigDecimal("1.10"));
        }
        LEDGER.put(LocalDate.of(2026, 11, 22), new BigDecimal("0.05"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static BigDecimal spentFrom(LocalDate first) {
        return LEDGER.tailMap(first, true).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Serves the ledger's days from {@code start} in pages of {@link #PER_PAGE}; the cursor is the next day. */
    private void serve(String path, String startParam, boolean anthropic) {
        server.handle(path, ex -> {
            Map<String, String> q = OpenAiProviderTest.params(new FakeProviderServer.Recorded("GET",
                    ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery(), Map.of()));
            LocalDate start = anthropic ? LocalDate.ofInstant(Instant.parse(q.get(startParam)), ZoneOffset.UTC)
                    : LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(q.get(startParam))), ZoneOffset.UTC);
            LocalDate from = q.containsKey("page") ? LocalDate.parse(q.get("page")) : start;
            List<String> buckets = new ArrayList<>();
            LocalDate d = from;
            for (; buckets.size() < PER_PAGE && !d.isAfter(LocalDate.of(2026, 11, 22)); d = d.plusDays(1)) {
                BigDecimal usd = LEDGER.getOrDefault(d, BigDecimal.ZERO);
                Instant s = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant e = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                buckets.add(anthropic
                        ? "{\"starting_at\":\"" + s + "\",\"ending_at\":\"" + e + "\",\"results\":[{\"amount\":\""
                          + usd.movePointRight(2).toPlainString() + "\",\"currency\":\"USD\"}]}"
                        : "{\"object\":\"bucket\",\"start_time\":" + s.getEpochSecond() + ",\"end_time\":"
                          + e.getEpochSecond() + ",\"results\":[{\"amount\":{\"value\":" + usd.toPlainString()
                          + ",\"currency\":\"usd\"}}]}");
            }
            boolean more = !d.isAfter(LocalDate.of(2026, 11, 22));
            send(ex, "{\"data\":[" + String.join(",", buckets) + "],\"has_more\":" + more
                    + (more ? ",\"next_page\":\"" + d + "\"" : "") + "}");
        });
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private SpendReport openAi(Instant since) throws Exception {
        serve("/v1/organization/costs", "start_time", false);
        return new ProviderHarness(new OpenAiProvider(), server).fetchSince(since).spend();
    }

    private SpendReport anthropic(Instant since) throws Exception {
        serve("/v1/organizations/cost_report", "starting_at", true);
        return new ProviderHarness(new AnthropicProvider(), server).fetchSince(since).spend();
    }

    @Test
    void aTopUpLastMonthIsCountedAcrossPagesWhileMonthToDateStaysTheMonth() throws Exception {
        int seen = 0;
        for (boolean anthropic : new boolean[]{false, true}) {
            Instant topUp = Instant.parse("2026-10-28T00:00:00Z");
            SpendReport r = anthropic ? anthropic(topUp) : openAi(topUp);
            String who = anthropic ? "Anthropic" : "OpenAI";
            assertEquals(0, spentFrom(LocalDate.of(2026, 11, 1)).compareTo(r.amount().amount()),
                    who + ": month-to-date is still November only, got " + r.amount());
            SpendSince s = r.since();
            assertEquals(0, spentFrom(LocalDate.of(2026, 10, 28)).compareTo(s.amount().amount()),
                    who + ": 28 Oct to now, got " + s.amount());
            assertEquals("USD", s.amount().currency());
            assertEquals(topUp, s.from(), "a top-up at midnight UTC counts its whole day");
            assertFalse(s.bucketEnd());
            assertTrue(server.requests().size() - seen >= 7, who + ": the 26 days came on several pages");
            seen = server.requests().size();
        }
    }

    @Test
    void aTopUpDuringADayCountsFromTheNextDayBecauseBucketsAreWholeDays() throws Exception {
        Instant topUp = Instant.parse("2026-11-10T15:30:00Z");
        for (SpendReport r : List.of(openAi(topUp), anthropic(topUp))) {
            SpendSince s = r.since();
            assertEquals(Instant.parse("2026-11-11T00:00:00Z"), s.from());
            assertTrue(s.bucketEnd(), "the card must say the rest of 10 Nov is not counted");
            assertEquals(0, spentFrom(LocalDate.of(2026, 11, 11)).compareTo(s.amount().amount()), s.toString());
            assertEquals(topUp, s.asked());
        }
    }

    @Test
    void aTopUpTodayHasNoWholeDayYetSoNothingIsCountedAndItSaysFromWhen() throws Exception {
        SpendSince s = openAi(Instant.parse("2026-11-22T01:00:00Z")).since();
        assertEquals(0, s.amount().amount().signum());
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), s.from());
    }

    @Test
    void withoutATopUpNothingChangesAndBucketsWithoutStartsAreFine() throws Exception {
        SpendReport r = openAi(null);
        assertNull(r.since());
        assertEquals(0, spentFrom(LocalDate.of(2026, 11, 1)).compareTo(r.amount().amount()));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z").getEpochSecond(),
                Long.parseLong(OpenAiProviderTest.params(server.requests().getFirst()).get("start_time")));
    }

    @Test
    void aBucketWithoutAStartCannotBeSplitAndFailsRatherThanGuess() {
        server.json("/v1/organization/costs", 200, """
                {"data": [{"results": [{"amount": {"value": 3, "currency": "usd"}}]}], "has_more": false}""");
        FetchError e = new ProviderHarness(new OpenAiProvider(), server).failSince(Instant.parse("2026-10-28T00:00:00Z"));
        assertInstanceOf(FetchError.BadResponse.class, e);
        assertTrue(e.message().contains("start time"), e.message());
    }
}
