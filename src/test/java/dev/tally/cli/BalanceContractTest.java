package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "done when" of the foundation: {@code tally balance <provider> --json --base-url http://127.0.0.1:PORT}
 * returns the contract for every supported provider, with the docs' example answers served over real HTTP.
 */
class BalanceContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = ProviderHarness.CANARY;

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** provider, routes (path → fixture), env vars, extra args, expected: currency, total or spend, assumed */
    static Stream<Arguments> providers() {
        return Stream.of(
                Arguments.of("deepseek", Map.of("/user/balance", "deepseek/balance.json"),
                        List.of("DEEPSEEK_API_KEY"), List.of(), "CNY", "110.00", false, null),
                Arguments.of("openrouter", Map.of("/api/v1/key", "openrouter/key.json", "/api/v1/credits", "openrouter/credits.json"),
                        List.of("OPENROUTER_API_KEY", "OPENROUTER_MANAGEMENT_KEY"), List.of(), "USD", "74.75", false, null),
                Arguments.of("moonshot", Map.of("/v1/users/me/balance", "moonshot/balance.json"),
                        List.of("MOONSHOT_API_KEY"), List.of(), "USD", "49.58894", true, null),
                Arguments.of("kimi", Map.of("/v1/users/me/balance", "moonshot/balance.json"),
                        List.of("MOONSHOT_API_KEY"), List.of("--region", "china"), "CNY", "49.58894", true, null),
                Arguments.of("novita", Map.of("/openapi/v1/billing/balance/detail", "novita/balance.json"),
                        List.of("NOVITA_API_KEY"), List.of(), "USD", "100.0000", false, null),
                Arguments.of("siliconflow", Map.of("/v1/user/info", "siliconflow/user-info.json"),
                        List.of("SILICONFLOW_API_KEY"), List.of(), "USD", "88.88", true, null),
                Arguments.of("siliconflow", Map.of("/v1/user/info", "siliconflow/user-info.json"),
                        List.of("SILICONFLOW_API_KEY"), List.of("--region", "china"), "CNY", "88.88", true, null),
                Arguments.of("stepfun", Map.of("/v1/accounts", "stepfun/accounts.json"),
                        List.of("STEPFUN_API_KEY"), List.of("--region", "global"), "USD", "0.00", true, null),
                Arguments.of("xai", Map.of("/v1/billing/teams/team-1/prepaid/balance", "xai/balance.json"),
                        List.of("XAI_MANAGEMENT_KEY"), List.of("--team-id", "team-1"), "USD", "10.00", false, null),
                Arguments.of("xai", Map.of("/v1/billing/teams/team-1/prepaid/balance", "xai/balance.json"),
                        List.of("XAI_MANAGEMENT_KEY"), List.of("--field", "team_id=team-1"), "USD", "10.00", false, null),
                Arguments.of("openai", Map.of("/v1/organization/costs", "openai/costs.json"),
                        List.of("OPENAI_ADMIN_KEY"), List.of(), null, null, false, "USD 0.06"),
                Arguments.of("anthropic", Map.of("/v1/organizations/cost_report", "anthropic/cost-report.json"),
                        List.of("ANTHROPIC_ADMIN_KEY"), List.of(), null, null, false, "USD 1.2345"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void everySupportedProviderAnswersTheContract(String provider, Map<String, String> routes, List<String> envKeys,
                                                  List<String> extra, String currency, String total, boolean assumed,
                                                  String spend) throws Exception {
        routes.forEach((path, fixture) -> server.fixture(path, 200, fixture));
        CliRunner cli = new CliRunner(home);
        envKeys.forEach(k -> cli.env(k, KEY));
        List<String> args = new ArrayList<>(List.of("balance", provider, "--json", "--base-url", server.baseUrl().toString()));
        args.addAll(extra);
        CliRunner.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        assertEquals("ok", a.get("status").asText());
        assertTrue(a.get("message").isNull());
        assertEquals("provider", a.get("source").asText());
        if (currency != null) {
            JsonNode b = a.get("balances").get(0);
            assertEquals(currency, b.get("currency").asText());
            assertTrue(b.get("total").isTextual(), "money is a string");
            assertEquals(total, b.get("total").asText());
            assertEquals(assumed, b.get("currencyAssumed").asBoolean());
        } else {
            assertEquals(0, a.get("balances").size());
            assertEquals(spend, a.get("spend").get("currency").asText() + " " + a.get("spend").get("amount").asText());
            assertEquals("month-to-date", a.get("spend").get("period").asText());
        }
        assertEquals(routes.size(), server.requests().stream().map(FakeProviderServer.Recorded::path).distinct().count(),
                "asked every documented endpoint once");
        assertFalse(r.all().contains(KEY), "key leaked into output");
        assertEquals(List.of(), cli.filesContaining("CANARY"), "key leaked into a file");
    }
}
