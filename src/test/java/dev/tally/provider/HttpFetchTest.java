package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.AccountStatus;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Secret;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpFetchTest {
    private static final Secret KEY = Secret.of(ProviderHarness.CANARY);
    private final FakeProviderServer server = FakeProviderServer.start();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T05:00:00Z"), ZoneOffset.UTC);
    private final HttpFetch http = new HttpFetch("1.2.3", Duration.ofSeconds(2), Duration.ofSeconds(2),
            HttpFetch.MAX_BODY_BYTES, clock);

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpFetch.Call call(String path) {
        return new HttpFetch.Call("test", server.baseUrl().resolve(path),
                Map.of("Authorization", "Bearer " + KEY.reveal()), List.of(KEY));
    }

    private FetchError fail(String path) {
        FetchException e = assertThrows(FetchException.class, () -> http.getJson(call(path)));
        assertFalse(e.getMessage().contains(KEY.reveal()), "key leaked: " + e.getMessage());
        assertFalse(e.getMessage().contains("CANARY"), "key leaked: " + e.getMessage());
        assertNull(e.getCause());
        return e.error();
    }

    @Test
    void parsesJsonAndSendsUserAgentAndAuth() throws Exception {
        server.json("/ok", 200, "{\"a\": 1.50}");
        JsonNode n = http.getJson(call("/ok"));
        assertEquals("1.50", n.get("a").decimalValue().toPlainString());
        assertEquals("Tally/1.2.3", server.lastRequest().header("User-Agent"));
        assertEquals("Bearer " + KEY.reveal(), server.lastRequest().header("Authorization"));
    }

    @ParameterizedTest
    @CsvSource({
            "401, AUTH_FAILED",
            "403, FORBIDDEN",
            "429, RATE_LIMITED",
            "404, PROVIDER_ERROR",
            "410, PROVIDER_ERROR",
            "500, PROVIDER_ERROR",
            "502, PROVIDER_ERROR",
            "503, PROVIDER_ERROR",
            "400, PROVIDER_ERROR",
            "402, PROVIDER_ERROR"
    })
    void statusesMapToContractStatuses(int status, AccountStatus expected) {
        server.json("/x", status, "{\"error\":{\"message\":\"boom " + status + "\"}}");
        FetchError e = fail("/x");
        assertEquals(expected, e.status());
        assertTrue(e.message().contains("HTTP " + status), e.message());
        assertTrue(e.message().contains("boom " + status), "provider's words are kept: " + e.message());
        assertTrue(e.message().contains("127.0.0.1"), "names the host: " + e.message());
    }

    @Test
    void goneEndpointSaysUnavailable() {
        server.json("/v1/user/info", 410, "");
        FetchError e = fail("/v1/user/info");
        assertEquals(410, ((FetchError.ProviderError) e).httpStatus());
        assertTrue(e.message().contains("endpoint unavailable"), e.message());
    }

    @Test
    void retryAfterSecondsIsCarried() {
        server.reply("/x", 429, "{}", Map.of("Retry-After", "42"), Duration.ZERO);
        FetchError.RateLimited e = assertInstanceOf(FetchError.RateLimited.class, fail("/x"));
        assertEquals(Duration.ofSeconds(42), e.retryAfter());
    }

    @Test
    void retryAfterHttpDateIsCarried() {
        server.reply("/x", 429, "{}", Map.of("Retry-After", "Sun, 22 Nov 2026 05:02:00 GMT"), Duration.ZERO);
        FetchError.RateLimited e = assertInstanceOf(FetchError.RateLimited.class, fail("/x"));
        assertEquals(Duration.ofMinutes(2), e.retryAfter());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Sun, 22 Nov 2026 05:02:00 GMT      | 120",   // IMF-fixdate (RFC 1123)
            "Sunday, 22-Nov-26 05:02:00 GMT     | 120",   // RFC 850, two-digit year
            "Sun Nov 22 05:02:00 2026           | 120",   // asctime
            "Tue Dec  1 05:00:00 2026           | 777600", // asctime pads a one-digit day with a space
            "sunday, 22-nov-26 05:02:00 GMT     | 120",   // names are case-insensitive
            "Sat, 21 Nov 2026 05:00:00 GMT      | 0",     // in the past: retry now
            "Saturday, 21-Nov-26 05:00:00 GMT   | 0",
            "Sat Nov 21 05:00:00 2026           | 0",
            "Sunday, 06-Nov-94 08:49:37 GMT     | 0",     // 94 is 1994 (2094 is more than 50 years ahead)
            "Wednesday, 01-Jan-70 00:00:00 GMT  | 1360436400", // 70 is 2070: not more than 50 years ahead
            "  0042  | 42",
    })
    void retryAfterAcceptsDeltaSecondsAndAllThreeHttpDateForms(String value, long seconds) {
        assertEquals(java.util.Optional.of(Duration.ofSeconds(seconds)), HttpFetch.parseRetryAfter(value, clock));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "soon", "-5", "1.5", "9999999999", "''",
            "Sun, 22 Nov 2026 05:02:00",              // no zone
            "Sunday, 22-Nov-2026 05:02:00 GMT",       // RFC 850 has a two-digit year
            "Sunday, 22-Nov-26 05:02:00 PST",         // RFC 850 in HTTP is always GMT
            "Sun Nov 22 05:02:00 26",                 // asctime has a four-digit year
            "Sun Foo 22 05:02:00 2026",               // no such month
            "Sun Feb 30 05:02:00 2026",               // no such day
            "Sunday, 22-Nov-26 25:02:00 GMT",         // no such hour
            "Sun Nov 22 05:02:00 2026 GMT",           // asctime carries no zone
    })
    void unreadableRetryAfterValuesAreIgnored(String value) {
        assertEquals(java.util.Optional.empty(), HttpFetch.parseRetryAfter(value, clock));
    }

    @Test
    void retryAfterInAsctimeFormReachesTheRateLimitedError() {
        server.reply("/x", 429, "{}", Map.of("Retry-After", "Sun Nov 22 05:02:00 2026"), Duration.ZERO);
        FetchError.RateLimited e = assertInstanceOf(FetchError.RateLimited.class, fail("/x"));
        assertEquals(Duration.ofMinutes(2), e.retryAfter());
        assertTrue(e.message().endsWith("; retry in 120 s"), e.message());
    }

    @Test
    void unreadableRetryAfterIsAbsent() {
        server.reply("/x", 429, "{}", Map.of("Retry-After", "soon"), Duration.ZERO);
        assertNull(assertInstanceOf(FetchError.RateLimited.class, fail("/x")).retryAfter());
    }

    @Test
    void redirectIsNeverFollowed() {
        server.reply("/x", 302, "", Map.of("Location", "https://evil.example/steal"), Duration.ZERO);
        server.json("/steal", 200, "{}");
        FetchError e = fail("/x");
        assertEquals(AccountStatus.PROVIDER_ERROR, e.status());
        assertTrue(e.message().contains("redirect"), e.message());
        assertTrue(e.message().contains("evil.example"), e.message());
        assertEquals(1, server.requests().size(), "no second request was made");
    }

    @Test
    void htmlPageIsBadResponse() {
        server.reply("/x", 200, "<!doctype html><html><body>Login</body></html>",
                Map.of("Content-Type", "text/html"), Duration.ZERO);
        FetchError e = fail("/x");
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("HTML"), e.message());
    }

    @Test
    void htmlWithJsonContentTypeIsStillBadResponse() {
        server.json("/x", 200, "  <html>oops</html>");
        assertTrue(fail("/x").message().contains("HTML"));
    }

    @Test
    void emptyBodyIsBadResponse() {
        server.json("/x", 200, "");
        FetchError e = fail("/x");
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("empty"), e.message());
    }

    @Test
    void malformedJsonIsBadResponse() {
        server.json("/x", 200, "{\"is_available\": true, \"balance_infos\": [");
        FetchError e = fail("/x");
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("not valid JSON"), e.message());
    }

    @Test
    void jsonEndingEarlySaysWhereItEnds() {
        String body = "{\"is_available\": true, \"balance_infos\": [";
        server.json("/x", 200, body);
        FetchError e = fail("/x");
        assertEquals("the answer from 127.0.0.1 (HTTP 200) is not valid JSON: it ends in the middle of a value after "
                + body.length() + " bytes (cut off?)", e.message());
    }

    @Test
    void malformedJsonNamesLineAndColumnNotMinusOne() {
        server.json("/x", 200, "{\"a\": 1,\n  \"b\": nope}");
        FetchError e = fail("/x");
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertEquals("the answer from 127.0.0.1 (HTTP 200) is not valid JSON (malformed near line 2, column 13, byte 21)",
                e.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1} garbage    | 1 | 9  | 8",
            "{\"a\": 1}{\"a\": 2}  | 1 | 9  | 8",
            "[1] [2]              | 1 | 4  | 3",
            "{\"a\": 1}\\n}         | 1 | 9  | 8",
    })
    void validJsonFollowedByMoreTextIsBadResponse(String body, int line, int column, int byteOffset) {
        server.json("/x", 200, body.replace("\\n", "\n"));
        FetchError e = fail("/x");
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertEquals("the answer from 127.0.0.1 (HTTP 200) is not valid JSON: more text follows the JSON value at line "
                + line + ", column " + column + ", byte " + byteOffset + " (two answers joined, or garbage from a proxy?)",
                e.message());
    }

    @Test
    void trailingWhitespaceIsFine() throws Exception {
        server.json("/x", 200, "{\"a\": 1}\r\n\n  \t");
        assertEquals(1, http.getJson(call("/x")).get("a").intValue());
    }

    @Test
    void sharedMapperRefusesTrailingTokensToo() {
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> Json.read("{\"a\": 1} {\"b\": 2}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void connectionDroppedMidBodyIsBadResponse() {
        server.truncated("/x", "{\"is_available\": tr", 500);
        FetchError e = fail("/x");
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("cut off"), e.message());
    }

    @Test
    void oversizedBodyIsRefused() {
        server.huge("/x", 3 * 1024 * 1024);
        FetchError e = fail("/x");
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("larger than 1024 KiB"), e.message());
    }

    @Test
    void slowAnswerTimesOut() {
        server.reply("/x", 200, "{}", Map.of(), Duration.ofSeconds(5));
        FetchError e = fail("/x");
        assertEquals(AccountStatus.TIMEOUT, e.status());
        assertTrue(e.message().contains("2 s"), e.message());
    }

    @Test
    void refusedConnectionIsNetworkError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FetchException e = assertThrows(FetchException.class, () -> http.getJson(new HttpFetch.Call("t",
                URI.create("http://127.0.0.1:" + port + "/x"), Map.of(), List.of())));
        assertEquals(AccountStatus.NETWORK_ERROR, e.error().status());
        assertTrue(e.getMessage().contains("could not connect"), e.getMessage());
    }

    @Test
    void unknownHostSaysItCouldNotBeResolvedNotRefused() {
        // .invalid never resolves (RFC 6761), offline or not
        FetchException e = assertThrows(FetchException.class, () -> http.getJson(new HttpFetch.Call("t",
                URI.create("https://no-such-host.invalid/user/balance"), Map.of("Authorization", "Bearer " + KEY.reveal()),
                List.of(KEY))));
        assertEquals(AccountStatus.NETWORK_ERROR, e.error().status());
        assertEquals("could not resolve no-such-host.invalid (offline, or a DNS problem?)", e.getMessage());
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeSending() {
        FetchException e = assertThrows(FetchException.class, () -> http.getJson(new HttpFetch.Call("t",
                URI.create("http://api.deepseek.com/user/balance"), Map.of("Authorization", "Bearer " + KEY.reveal()),
                List.of(KEY))));
        assertEquals(AccountStatus.NETWORK_ERROR, e.error().status());
        assertTrue(e.getMessage().contains("https"), e.getMessage());
    }

    @Test
    void echoedKeyInProviderMessageIsRedacted() {
        server.json("/x", 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY.reveal() + ".\"}}");
        FetchError e = fail("/x");
        assertTrue(e.message().contains("Incorrect API key provided"), e.message());
    }
}
