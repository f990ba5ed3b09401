package dev.tally.provider;

import dev.tally.status.Remedies;
import com.sun.net.httpserver.HttpExchange;
import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.FetchError;
import dev.tally.core.ProviderId;
import dev.tally.core.SpendReport;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.Fixtures;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiProviderTest {
    private static final String PATH = "/v1/organization/costs";
    private static final Instant MONTH_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String CURSOR = "page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=";

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new OpenAiProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    /** The query of a recorded request, decoded; a repeated name keeps its first value. */
    static Map<String, String> params(FakeProviderServer.Recorded r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : r.query().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    /** Serves {@code first} to a request without {@code page=}, and {@code second} to one with it. */
    private void twoPages(int secondStatus, String first, String second) {
        server.handle(PATH, ex -> {
            boolean paged = ex.getRequestURI().getRawQuery().contains("page=");
            send(ex, paged ? secondStatus : 200, paged ? second : first);
        });
    }

    private SpendReport spend() throws Exception {
        BalanceSnapshot s = harness.fetch();
        assertTrue(s.balances().isEmpty(), "OpenAI reports spend, never a balance");
        assertNull(s.keyLimit());
        return s.spend();
    }

    private FetchError badResponse(String fixture, String mentions) {
        server.fixture(PATH, 200, fixture);
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains(mentions), e.message());
        return e;
    }

    @Test
    void docsExampleIsMonthToDateSpendInUsd() throws Exception {
        server.fixture(PATH, 200, "openai/costs.json");
        BalanceSnapshot s = harness.fetch();
        assertTrue(s.balances().isEmpty());
        assertNull(s.available());
        assertEquals(ProviderHarness.NOW, s.fetchedAt());
        SpendReport spend = s.spend();
        assertEquals("0.06", spend.amount().plain());
        assertEquals("USD", spend.amount().currency());
        assertEquals(SpendReport.MONTH_TO_DATE, spend.period());
        assertEquals(MONTH_START, spend.from());
        assertEquals(ProviderHarness.NOW, spend.to());
    }

    @Test
    void asksForDailyBucketsSinceTheFirstOfTheUtcMonthWithTheAdminKey() throws Exception {
        server.fixture(PATH, 200, "openai/costs.json");
        harness.fetch();
        assertEquals(1, server.requests().size());
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
        Map<String, String> q = params(r);
        assertEquals(String.valueOf(MONTH_START.getEpochSecond()), q.get("start_time"));
        assertEquals("1793491200", q.get("start_time"));
        assertEquals("1d", q.get("bucket_width"));
        int limit = Integer.parseInt(q.get("limit"));
        assertTrue(limit >= 31 && limit <= 180, "a month of daily buckets within the documented 1–180: " + limit);
        assertFalse(q.containsKey("page"));
        assertFalse(q.containsKey("end_time"));
    }

    @Test
    void followsNextPageAndSumsEveryResultExactly() throws Exception {
        twoPages(200, Fixtures.read("openai/costs-page1.json"), Fixtures.read("openai/costs-page2.json"));
        SpendReport spend = spend();
        assertEquals("4.3623456789", spend.amount().plain());
        assertEquals("USD", spend.amount().currency());
        List<FakeProviderServer.Recorded> rs = server.requests();
        assertEquals(2, rs.size());
        assertFalse(params(rs.get(0)).containsKey("page"));
        Map<String, String> second = params(rs.get(1));
        assertEquals(CURSOR, second.get("page"));
        assertEquals("1793491200", second.get("start_time"));
        assertEquals("1d", second.get("bucket_width"));
        assertEquals("Bearer " + ProviderHarness.CANARY, rs.get(1).header("Authorization"));
    }

    @Test
    void failureOnTheSecondPageIsAnErrorNotAPartialSum() {
        twoPages(500, Fixtures.read("openai/costs-page1.json"), "{\"error\":{\"message\":\"internal error\"}}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.PROVIDER_ERROR, e.status());
        assertEquals(2, server.requests().size());
    }

    @Test
    void runawayPaginationStopsAtThePageCap() {
        AtomicInteger n = new AtomicInteger();
        server.handle(PATH, ex -> send(ex, 200, "{\"object\":\"page\",\"data\":[],\"has_more\":true,\"next_page\":\"p"
                + n.incrementAndGet() + "\"}"));
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("pages"), e.message());
        assertEquals(OpenAiProvider.MAX_PAGES, server.requests().size());
    }

    @Test
    void cursorThatDoesNotMoveIsBadResponse() {
        server.json(PATH, 200, "{\"object\":\"page\",\"data\":[],\"has_more\":true,\"next_page\":\"same\"}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("next_page"), e.message());
        assertEquals(2, server.requests().size());
    }

    @Test
    void hasMoreWithoutNextPageIsBadResponse() {
        badResponse("openai/costs-more-without-cursor.json", "next_page");
    }

    @Test
    void emptyMonthIsARealZeroSpend() throws Exception {
        server.fixture(PATH, 200, "openai/costs-empty.json");
        SpendReport spend = spend();
        assertEquals("0.00", spend.amount().plain());
        assertEquals("USD", spend.amount().currency());
    }

    @Test
    void valuesAsStringsAndUpperCaseCurrencyAreAccepted() throws Exception {
        server.fixture(PATH, 200, "openai/costs-string-values.json");
        assertEquals("0.30", spend().amount().plain());
    }

    @Test
    void negativeResultsReduceTheSum() throws Exception {
        server.fixture(PATH, 200, "openai/costs-negative.json");
        SpendReport spend = spend();
        assertEquals("-0.50", spend.amount().plain());
        assertTrue(spend.amount().isNegative());
    }

    @Test
    void missingDataIsBadResponseNotZero() {
        badResponse("openai/costs-missing-data.json", "'data'");
    }

    @Test
    void missingValueIsBadResponseNamingTheField() {
        badResponse("openai/costs-missing-value.json", "'value'");
    }

    @Test
    void nullValueIsBadResponseNotZero() {
        badResponse("openai/costs-null-value.json", "'value'");
    }

    @Test
    void missingCurrencyIsBadResponse() {
        badResponse("openai/costs-missing-currency.json", "currency");
    }

    @Test
    void mixedCurrenciesAreNeverAdded() {
        FetchError e = badResponse("openai/costs-mixed-currencies.json", "USD");
        assertTrue(e.message().contains("EUR"), e.message());
    }

    @Test
    void mixedCurrenciesAcrossPagesAreNeverAdded() {
        String eur = "{\"object\":\"page\",\"has_more\":false,\"next_page\":null,\"data\":[{\"object\":\"bucket\","
                + "\"results\":[{\"amount\":{\"value\":1.00,\"currency\":\"eur\"}}]}]}";
        twoPages(200, Fixtures.read("openai/costs-page1.json"), eur);
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("EUR"), e.message());
    }

    @Test
    void bucketWithoutResultsIsBadResponse() {
        server.json(PATH, 200, "{\"object\":\"page\",\"has_more\":false,\"data\":[{\"object\":\"bucket\"}]}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'results'"), e.message());
    }

    @Test
    void rejectedKeyIsAuthFailedAndAsksForAnAdminKey() {
        server.fixture(PATH, 401, "openai/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("Incorrect API key provided"), e.message());
        assertTrue(e.message().contains("Admin key"), e.message());
        assertFalse(e.message().contains("****c4"), "masked key fragments are redacted too: " + e.message());
    }

    @Test
    void projectKeyIsForbiddenAndAsksForAnAdminKey() {
        server.fixture(PATH, 403, "openai/error-403.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("insufficient permissions"), e.message());
        assertTrue(e.message().contains("Admin key"), e.message());
    }

    @Test
    void missingKeyNamesTheEnvironmentVariable() {
        FetchError e = harness.fail(null, null, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(Remedies.commandLine(e).contains("OPENAI_ADMIN_KEY"), Remedies.commandLine(e));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void standardCatalogListsOpenAiAsSpendOnly() {
        ProviderCatalog catalog = ProviderCatalog.standard();
        assertTrue(catalog.provider(ProviderId.of("openai")).orElseThrow() instanceof OpenAiProvider);
        ProviderInfo info = catalog.find("OpenAI").orElseThrow();
        assertEquals(Set.of(Capability.SPEND), info.capabilities());
        assertEquals(KeySlot.ADMIN, info.keySlots().getFirst().name());
    }
}
