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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnthropicProviderTest {
    private static final String PATH = "/v1/organizations/cost_report";
    private static final Instant MONTH_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String CURSOR = "page_MjAyNi0xMS0wM1QwMDowMDowMFo=";

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new AnthropicProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> params(FakeProviderServer.Recorded r) {
        return OpenAiProviderTest.params(r);
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
        assertTrue(s.balances().isEmpty(), "Anthropic reports spend, never a balance");
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
    void docsExampleCentsStringBecomesExactDollars() throws Exception {
        server.fixture(PATH, 200, "anthropic/cost-report.json");
        BalanceSnapshot s = harness.fetch();
        assertTrue(s.balances().isEmpty());
        assertNull(s.available());
        assertEquals(ProviderHarness.NOW, s.fetchedAt());
        SpendReport spend = s.spend();
        assertEquals("1.2345", spend.amount().plain(), "\"123.45\" cents is $1.2345, not $123.45");
        assertEquals("USD", spend.amount().currency());
        assertEquals(SpendReport.MONTH_TO_DATE, spend.period());
        assertEquals(MONTH_START, spend.from());
        assertEquals(ProviderHarness.NOW, spend.to());
    }

    @Test
    void sendsAdminKeyAsXApiKeyWithVersionAndNoBearer() throws Exception {
        server.fixture(PATH, 200, "anthropic/cost-report.json");
        harness.fetch();
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.path());
        assertEquals(ProviderHarness.CANARY, r.header("x-api-key"));
        assertEquals("2023-06-01", r.header("anthropic-version"));
        assertNull(r.header("Authorization"));
    }

    @Test
    void asksForDailyBucketsSinceTheFirstOfTheUtcMonth() throws Exception {
        server.fixture(PATH, 200, "anthropic/cost-report.json");
        harness.fetch();
        assertEquals(1, server.requests().size());
        Map<String, String> q = params(server.lastRequest());
        assertEquals("2026-11-01T00:00:00Z", q.get("starting_at"));
        assertEquals("1d", q.get("bucket_width"));
        assertEquals("31", q.get("limit"), "the documented maximum for 1d buckets");
        assertFalse(q.containsKey("page"));
        assertFalse(q.containsKey("ending_at"));
    }

    @Test
    void followsNextPageAndSumsEveryResultExactly() throws Exception {
        twoPages(200, Fixtures.read("anthropic/cost-report-page1.json"),
                Fixtures.read("anthropic/cost-report-page2.json"));
        SpendReport spend = spend();
        assertEquals("13.000125", spend.amount().plain());
        List<FakeProviderServer.Recorded> rs = server.requests();
        assertEquals(2, rs.size());
        assertFalse(params(rs.get(0)).containsKey("page"));
        Map<String, String> second = params(rs.get(1));
        assertEquals(CURSOR, second.get("page"));
        assertEquals("2026-11-01T00:00:00Z", second.get("starting_at"));
        assertEquals(ProviderHarness.CANARY, rs.get(1).header("x-api-key"));
        assertEquals("2023-06-01", rs.get(1).header("anthropic-version"));
    }

    @Test
    void failureOnTheSecondPageIsAnErrorNotAPartialSum() {
        twoPages(429, Fixtures.read("anthropic/cost-report-page1.json"),
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.RATE_LIMITED, e.status());
        assertEquals(2, server.requests().size());
    }

    @Test
    void runawayPaginationStopsAtThePageCap() {
        AtomicInteger n = new AtomicInteger();
        server.handle(PATH, ex -> send(ex, 200, "{\"data\":[],\"has_more\":true,\"next_page\":\"p"
                + n.incrementAndGet() + "\"}"));
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("pages"), e.message());
        assertEquals(AnthropicProvider.MAX_PAGES, server.requests().size());
    }

    @Test
    void cursorThatDoesNotMoveIsBadResponse() {
        server.json(PATH, 200, "{\"data\":[],\"has_more\":true,\"next_page\":\"same\"}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("next_page"), e.message());
        assertEquals(2, server.requests().size());
    }

    @Test
    void hasMoreWithoutNextPageIsBadResponse() {
        server.json(PATH, 200, "{\"data\":[],\"has_more\":true,\"next_page\":null}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("next_page"), e.message());
    }

    @Test
    void emptyMonthIsARealZeroSpend() throws Exception {
        server.fixture(PATH, 200, "anthropic/cost-report-empty.json");
        SpendReport spend = spend();
        assertEquals("0.00", spend.amount().plain());
        assertEquals("USD", spend.amount().currency());
    }

    @Test
    void amountsAsJsonNumbersAreCentsToo() throws Exception {
        server.fixture(PATH, 200, "anthropic/cost-report-numbers.json");
        assertEquals("2.2345", spend().amount().plain());
    }

    @Test
    void negativeAmountsReduceTheSum() throws Exception {
        server.fixture(PATH, 200, "anthropic/cost-report-negative.json");
        SpendReport spend = spend();
        assertEquals("-2.5025", spend.amount().plain());
        assertTrue(spend.amount().isNegative());
    }

    @Test
    void missingCurrencyMeansTheDocumentedUsd() throws Exception {
        server.fixture(PATH, 200, "anthropic/cost-report-no-currency.json");
        SpendReport spend = spend();
        assertEquals("0.99", spend.amount().plain());
        assertEquals("USD", spend.amount().currency());
    }

    @Test
    void otherCurrencyIsBadResponseNotAWrongConversion() {
        badResponse("anthropic/cost-report-eur.json", "EUR");
    }

    @Test
    void missingAmountIsBadResponseNamingTheField() {
        badResponse("anthropic/cost-report-missing-amount.json", "'amount'");
    }

    @Test
    void nullAmountIsBadResponseNotZero() {
        badResponse("anthropic/cost-report-null-amount.json", "'amount'");
    }

    @Test
    void unparseableAmountIsBadResponse() {
        server.json(PATH, 200, "{\"data\":[{\"results\":[{\"amount\":\"12,50\",\"currency\":\"USD\"}]}],"
                + "\"has_more\":false}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("12,50"), e.message());
    }

    @Test
    void missingDataIsBadResponseNotZero() {
        badResponse("anthropic/cost-report-missing-data.json", "'data'");
    }

    @Test
    void errorEnvelopeOnHttp200IsBadResponse() {
        server.json(PATH, 200, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"oops\"}}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'data'"), e.message());
    }

    @Test
    void rejectedKeyIsAuthFailedAndAsksForAnAdminKey() {
        server.fixture(PATH, 401, "anthropic/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("invalid x-api-key"), e.message());
        assertTrue(e.message().contains("Admin key"), e.message());
    }

    @Test
    void ordinaryKeyIsForbiddenAndAsksForAnAdminKey() {
        server.fixture(PATH, 403, "anthropic/error-403.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("Admin API"), e.message());
        assertTrue(e.message().contains("sk-ant-admin"), e.message());
    }

    @Test
    void missingKeyNamesTheEnvironmentVariable() {
        FetchError e = harness.fail(null, null, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(Remedies.commandLine(e).contains("ANTHROPIC_ADMIN_KEY"), Remedies.commandLine(e));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void standardCatalogListsAnthropicAsSpendOnly() {
        ProviderCatalog catalog = ProviderCatalog.standard();
        assertTrue(catalog.provider(ProviderId.of("anthropic")).orElseThrow() instanceof AnthropicProvider);
        ProviderInfo info = catalog.find("anthropic").orElseThrow();
        assertEquals(Set.of(Capability.SPEND), info.capabilities());
        assertEquals("ANTHROPIC_ADMIN_KEY", info.keySlots().getFirst().envVar());
    }
}
