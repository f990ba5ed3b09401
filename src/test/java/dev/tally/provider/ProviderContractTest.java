package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every provider in the catalog must do, so adding one is a class, a catalog line and fixtures, and this test
 * says what is missing. For each supported provider, {@code src/test/resources/providers/<id>/contract.properties}
 * names the request paths of a good answer ({@code ok.<path>=<fixture>}) and any required account fields
 * ({@code field.<id>=<value>}); {@code error-401.json} is its documented answer to a refused key. Against a fake
 * server on 127.0.0.1: the good answer is read as money, the refused key is {@code auth_failed}, an answer that is not
 * JSON is {@code bad_response}, and the key appears in no message. Unsupported providers say why.
 */
class ProviderContractTest {
    private static final ProviderCatalog CATALOG = ProviderCatalog.standard();
    private static final String CANARY = ProviderHarness.CANARY;

    static Stream<String> supported() {
        return CATALOG.supported().stream().map(i -> i.id().value());
    }

    static Stream<String> unsupported() {
        return CATALOG.unsupported().stream().map(i -> i.id().value());
    }

    /** The provider's contract file, or a failure saying what to write. */
    private static Properties contract(String id) {
        String name = "/providers/" + id + "/contract.properties";
        try (InputStream in = ProviderContractTest.class.getResourceAsStream(name)) {
            if (in == null) {
                fail("provider '" + id + "' has no src/test/resources" + name + ": add one naming the request path of a "
                        + "good answer and its fixture (ok./path=fixture.json), and field.<id>=<value> for each "
                        + "required account field");
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean hasFixture(String id, String file) {
        return ProviderContractTest.class.getResource("/providers/" + id + "/" + file) != null;
    }

    private static Map<String, String> okPaths(String id, Properties p) {
        Map<String, String> paths = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("ok.")).sorted()
                .forEach(k -> paths.put(k.substring(3), p.getProperty(k)));
        assertFalse(paths.isEmpty(), id + "/contract.properties names no good answer (ok./path=fixture.json)");
        paths.values().forEach(f -> assertTrue(hasFixture(id, f), "providers/" + id + "/" + f + " is missing"));
        return paths;
    }

    private static Map<String, String> fields(String id, Properties p) {
        Map<String, String> fields = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("field.")).forEach(k -> fields.put(k.substring(6),
                p.getProperty(k)));
        ProviderInfo info = CATALOG.find(id).orElseThrow();
        for (AccountField f : info.fields()) {
            if (f.required()) {
                assertTrue(fields.containsKey(f.id()), id + "/contract.properties needs field." + f.id() + "=<value>");
            }
        }
        return fields;
    }

    /** Every key slot gets the canary, so no slot's key can leak unnoticed. */
    private static Map<String, String> keys(ProviderInfo info) {
        Map<String, String> keys = new LinkedHashMap<>();
        info.keySlots().forEach(s -> keys.put(s.name(), CANARY));
        return keys;
    }

    private static BalanceProvider provider(String id) {
        return CATALOG.provider(dev.tally.core.ProviderId.of(id)).orElseThrow(() ->
                new AssertionError("catalog line for '" + id + "' has no provider class"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void aGoodAnswerIsReadAsExactMoney(String id) throws FetchException {
        Properties p = contract(id);
        BalanceProvider provider = provider(id);
        try (FakeProviderServer server = FakeProviderServer.start()) {
            okPaths(id, p).forEach((path, fixture) -> server.fixture(path, 200, id + "/" + fixture));
            BalanceSnapshot s = new ProviderHarness(provider, server).fetchWith(null, fields(id, p),
                    keys(provider.info()));
            assertNotNull(s);
            assertTrue(!s.balances().isEmpty() || s.spend() != null || s.keyLimit() != null,
                    id + ": a good answer shows a balance, a spend or a key limit: " + s);
            s.balances().forEach(b -> assertTrue(b.currency().matches("[A-Z]{3}"), id + ": ISO currency, got "
                    + b.currency()));
            assertFalse(s.toString().contains(CANARY), id + ": the key is not in what was read");
            assertFalse(server.requests().isEmpty(), id + ": it asked the server");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void aRefusedKeyIsAuthFailedAndNamesNoKey(String id) {
        Properties p = contract(id);
        assertTrue(hasFixture(id, "error-401.json"), "providers/" + id + "/error-401.json is missing: the provider's "
                + "documented answer to an invalid key");
        BalanceProvider provider = provider(id);
        try (FakeProviderServer server = FakeProviderServer.start()) {
            okPaths(id, p).keySet().forEach(path -> server.fixture(path, 401, id + "/error-401.json"));
            FetchError e = failure(id, new ProviderHarness(provider, server), fields(id, p), keys(provider.info()));
            assertEquals(AccountStatus.AUTH_FAILED, e.status(), id + ": " + e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void anAnswerThatIsNotJsonIsABadResponse(String id) {
        Properties p = contract(id);
        BalanceProvider provider = provider(id);
        try (FakeProviderServer server = FakeProviderServer.start()) {
            okPaths(id, p).keySet().forEach(path -> server.reply(path, 200, "<html><body>" + CANARY + " Sign in</body>"
                    + "</html>", Map.of("Content-Type", "text/html"), java.time.Duration.ZERO));
            FetchError e = failure(id, new ProviderHarness(provider, server), fields(id, p), keys(provider.info()));
            assertEquals(AccountStatus.BAD_RESPONSE, e.status(), id + ": " + e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void anUnsupportedProviderSaysWhy(String id) {
        ProviderInfo info = CATALOG.find(id).orElseThrow();
        assertFalse(info.supported());
        List<String> problems = new ArrayList<>();
        if (info.unsupportedReason() == null || info.unsupportedReason().isBlank()) {
            problems.add("no reason");
        }
        assertEquals(List.of(), problems, id);
    }

    /** The fetch fails; the key is in none of the words the user may see. */
    private static FetchError failure(String id, ProviderHarness h, Map<String, String> fields, Map<String, String> keys) {
        try {
            BalanceSnapshot s = h.fetchWith(null, fields, keys);
            throw new AssertionError(id + ": expected a failure, got " + s);
        } catch (FetchException e) {
            String words = e.getMessage() + " " + e.error();
            assertFalse(words.contains(CANARY) || words.contains("CANARY"), id + ": the key leaked: " + words);
            return e.error();
        }
    }
}
