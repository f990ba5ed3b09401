package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.KeyLimit;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider (or a proxy in front of it) can echo the request's key in any field. Every value that an
 * error message quotes from the answer goes through {@link Redactor#quote}: the key never reaches the
 * message, the message stays one line, and a quoted value is at most 40 characters. Each case runs over
 * real sockets with two keys: the usual {@code sk-CANARY-…} (which also looks key-like) and a plain one
 * that only the account's own key list can catch.
 */
class ResponseValueLeakTest {
    /** Looks like no known key format: only redaction by the account's own keys removes it. */
    static final String PLAIN_CANARY = "CANARYplain0fd94c2b7e15a3d86c0b9e7f42a1d5";
    static final String TEAM = "team-1";

    /** One place a value from the answer can end up in a message. */
    record Case(String name, BalanceProvider provider, String path, String slot, int http, AccountStatus expected,
                String body) {
        Case(String name, BalanceProvider provider, String path, String slot, String body) {
            this(name, provider, path, slot, 200, AccountStatus.BAD_RESPONSE, body);
        }

        String bodyWith(String value) {
            return body.replace("VALUE", value);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String COSTS_OPENAI = """
            {"object":"page","has_more":false,"next_page":null,"data":[{"object":"bucket","results":[
             {"object":"organization.costs.result","amount":{"value":VALUE_V,"currency":VALUE_C}}]}]}""";
    static final String COSTS_ANTHROPIC = """
            {"has_more":false,"next_page":null,"data":[{"results":[{"amount":VALUE_A,"currency":VALUE_C}]}]}""";

    static List<Case> cases() {
        return List.of(
                new Case("deepseek currency", new DeepSeekProvider(), "/user/balance", KeySlot.API,
                        "{\"is_available\":true,\"balance_infos\":[{\"currency\":\"VALUE\",\"total_balance\":\"1\"}]}"),
                new Case("deepseek money", new DeepSeekProvider(), "/user/balance", KeySlot.API,
                        "{\"is_available\":true,\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\"VALUE\"}]}"),
                new Case("error message with 401", new DeepSeekProvider(), "/user/balance", KeySlot.API, 401,
                        AccountStatus.AUTH_FAILED, "{\"error\":{\"message\":\"VALUE\"}}"),
                new Case("error detail with 500", new DeepSeekProvider(), "/user/balance", KeySlot.API, 500,
                        AccountStatus.PROVIDER_ERROR, "{\"detail\":\"VALUE\"}"),
                new Case("error text with 429", new DeepSeekProvider(), "/user/balance", KeySlot.API, 429,
                        AccountStatus.RATE_LIMITED, "{\"error\":\"VALUE\"}"),
                new Case("openai currency", new OpenAiProvider(), "/v1/organization/costs", KeySlot.ADMIN,
                        COSTS_OPENAI.replace("VALUE_V", "1.00").replace("VALUE_C", "\"VALUE\"")),
                new Case("openai money", new OpenAiProvider(), "/v1/organization/costs", KeySlot.ADMIN,
                        COSTS_OPENAI.replace("VALUE_V", "\"VALUE\"").replace("VALUE_C", "\"usd\"")),
                new Case("anthropic currency", new AnthropicProvider(), "/v1/organizations/cost_report", KeySlot.ADMIN,
                        COSTS_ANTHROPIC.replace("VALUE_A", "\"100\"").replace("VALUE_C", "\"VALUE\"")),
                new Case("anthropic money", new AnthropicProvider(), "/v1/organizations/cost_report", KeySlot.ADMIN,
                        COSTS_ANTHROPIC.replace("VALUE_A", "\"VALUE\"").replace("VALUE_C", "\"USD\"")),
                new Case("stepfun object", new StepFunProvider(), "/v1/accounts", KeySlot.API,
                        "{\"object\":\"VALUE\",\"balance\":1.5}"),
                new Case("stepfun money", new StepFunProvider(), "/v1/accounts", KeySlot.API,
                        "{\"object\":\"account\",\"balance\":\"VALUE\"}"),
                new Case("moonshot envelope code", new MoonshotProvider(), "/v1/users/me/balance", KeySlot.API,
                        "{\"code\":\"VALUE\",\"scode\":\"VALUE\",\"status\":false,\"message\":\"VALUE\"}"),
                new Case("moonshot money", new MoonshotProvider(), "/v1/users/me/balance", KeySlot.API,
                        "{\"code\":0,\"status\":true,\"scode\":\"0x0\",\"data\":{\"available_balance\":\"VALUE\"}}"),
                new Case("siliconflow envelope", new SiliconFlowProvider(), "/v1/user/info", KeySlot.API,
                        "{\"code\":\"VALUE\",\"status\":false,\"message\":\"VALUE\"}"),
                new Case("siliconflow money", new SiliconFlowProvider(), "/v1/user/info", KeySlot.API,
                        "{\"code\":20000,\"status\":true,\"data\":{\"totalBalance\":\"VALUE\"}}"),
                new Case("novita envelope", new NovitaProvider(), "/openapi/v1/billing/balance/detail", KeySlot.API,
                        "{\"code\":\"VALUE\",\"reason\":\"VALUE\",\"message\":\"VALUE\"}"),
                new Case("novita money", new NovitaProvider(), "/openapi/v1/billing/balance/detail", KeySlot.API,
                        "{\"availableBalance\":\"VALUE\"}"),
                new Case("xai money", new XaiProvider(), "/v1/billing/teams/" + TEAM + "/prepaid/balance",
                        KeySlot.MANAGEMENT, "{\"total\":{\"val\":\"VALUE\"}}"),
                new Case("openrouter key money", new OpenRouterProvider(), "/api/v1/key", KeySlot.API,
                        "{\"data\":{\"limit\":\"VALUE\",\"limit_remaining\":1,\"usage\":1}}"),
                new Case("openrouter error envelope", new OpenRouterProvider(), "/api/v1/key", KeySlot.API,
                        "{\"error\":{\"message\":\"VALUE\",\"code\":400}}"),
                new Case("openrouter credits money", new OpenRouterProvider(), "/api/v1/credits", KeySlot.MANAGEMENT,
                        "{\"data\":{\"total_credits\":\"VALUE\",\"total_usage\":1}}"));
    }

    /** Where the key sits inside the value: alone, between lines, after text, and after a long prefix. */
    static List<String> placements(String key) {
        return List.of(key,
                "first line\\n" + key + "\\r\\nlast line",
                "currency: " + key,
                "\\u001b[31m" + "x".repeat(30) + key + "\\u2028tail");
    }

    static Stream<Arguments> leaks() {
        List<Arguments> all = new ArrayList<>();
        for (Case c : cases()) {
            for (String key : List.of(ProviderHarness.CANARY, PLAIN_CANARY)) {
                for (String value : placements(key)) {
                    all.add(Arguments.of(c, key, value));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @MethodSource("leaks")
    void aKeyEchoedInTheAnswerNeverReachesTheMessage(Case c, String key, String value) {
        try (FakeProviderServer server = FakeProviderServer.start()) {
            server.json(c.path(), c.http(), c.bodyWith(value));
            ProviderHarness harness = new ProviderHarness(c.provider(), server);
            FetchError e = harness.fail(null, TEAM, Map.of(c.slot(), key));
            String m = e.message();
            assertFalse(m.contains(key), m);
            assertFalse(m.contains("CANARY"), m);
            assertFalse(m.contains("7f3a9c1e5b2d"), "part of the key: " + m);
            assertFalse(m.contains("0fd94c2b7e15"), "part of the key: " + m);
            assertTrue(m.chars().noneMatch(ch -> Character.isISOControl(ch) || ch == 0x2028),
                    "not one line: " + m);
            assertEquals(c.expected(), e.status(), m);
        }
    }

    @Test
    void aQuotedValueIsCappedAndSaysWhatWasWrong() {
        try (FakeProviderServer server = FakeProviderServer.start()) {
            server.json("/user/balance", 200, "{\"balance_infos\":[{\"currency\":\"" + "Q".repeat(500)
                    + "\",\"total_balance\":\"1\"}]}");
            FetchError e = new ProviderHarness(new DeepSeekProvider(), server).fail();
            assertEquals("DeepSeek balance balance_infos[0]: currency '" + "Q".repeat(40) + "…' is not an ISO code",
                    e.message());
        }
    }

    @Test
    void theKeyIsReplacedNotJustCut() {
        try (FakeProviderServer server = FakeProviderServer.start()) {
            server.json("/user/balance", 200, "{\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\""
                    + PLAIN_CANARY + "\"}]}");
            FetchError e = new ProviderHarness(new DeepSeekProvider(), server)
                    .fail(null, null, Map.of(KeySlot.API, PLAIN_CANARY));
            assertEquals("DeepSeek balance balance_infos[0]: field 'total_balance' is not a number: '[key]'",
                    e.message());
        }
    }

    @Test
    void aRedirectToAHostNamedLikeTheKeyDoesNotQuoteIt() {
        try (FakeProviderServer server = FakeProviderServer.start()) {
            server.reply("/user/balance", 302, "", Map.of("Location", "https://" + PLAIN_CANARY + ".example/x"),
                    Duration.ZERO);
            FetchError e = new ProviderHarness(new DeepSeekProvider(), server)
                    .fail(null, null, Map.of(KeySlot.API, PLAIN_CANARY));
            assertFalse(e.message().contains("CANARY"), e.message());
            assertTrue(e.message().contains("redirect (HTTP 302 to '[key].example')"), e.message());
        }
    }

    @Test
    void openRouterLimitResetIsShownButNeverWithTheKey() throws FetchException {
        try (FakeProviderServer server = FakeProviderServer.start()) {
            server.json("/api/v1/key", 200, "{\"data\":{\"limit\":10,\"limit_remaining\":4,\"usage\":6,"
                    + "\"limit_reset\":\"monthly " + PLAIN_CANARY + "\\nnext\"}}");
            KeyLimit limit = new ProviderHarness(new OpenRouterProvider(), server)
                    .fetch(null, null, Map.of(KeySlot.API, PLAIN_CANARY)).keyLimit();
            assertEquals("monthly [key] next", limit.reset());
        }
    }
}
