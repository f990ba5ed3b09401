package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JSON answer of the command line (balance, status, accounts list, history, keys status) is valid against
 * docs/json.schema.json, the schema docs/json.md points to — for healthy, failing, estimated and empty accounts.
 */
class JsonSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA = Path.of("docs", "json.schema.json");

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(home).env("DEEPSEEK_API_KEY", ProviderHarness.CANARY).env("TALLY_KEYCHAIN", "off");
    }

    private static Schema schema(String definition) throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            JsonNode root = JSON.readTree(in);
            assertTrue(root.path("$defs").has(definition), "the schema defines " + definition);
            // one schema file; each document is one of its $defs, checked with the whole file in scope
            JsonNode wrapped = JSON.readTree("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
                    + "\"$ref\":\"#/$defs/" + definition + "\"}");
            ((com.fasterxml.jackson.databind.node.ObjectNode) root).setAll(
                    (com.fasterxml.jackson.databind.node.ObjectNode) wrapped);
            ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove("anyOf");
            return registry.getSchema(root);
        }
    }

    private void valid(String definition, String... args) throws Exception {
        CliRunner.Result r = cli().run(args);
        assertTrue(r.out().startsWith("{"), String.join(" ", args) + " answers JSON: " + r.all());
        JsonNode doc = JSON.readTree(r.out());
        if (System.getenv("TALLY_DUMP_JSON") != null) {
            Files.writeString(Path.of(System.getenv("TALLY_DUMP_JSON"), String.join("_", args) + ".json"), r.out());
        }
        List<Error> errors = schema(definition).validate(doc);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), String.join(" ", args) + ":\n" + doc.toPrettyString());
        // the file-level schema (any of the documents) takes it too
        List<Error> any = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JSON.readTree(Files.readString(SCHEMA))).validate(doc);
        assertEquals(List.of(), any.stream().map(Error::toString).toList(), "json.schema.json as a whole");
    }

    private static String balance(String total) {
        return "{\"is_available\": true, \"balance_infos\": [{\"currency\": \"CNY\", \"total_balance\": \"" + total
                + "\", \"granted_balance\": \"0.00\", \"topped_up_balance\": \"" + total + "\"}]}";
    }

    @Test
    void everyJsonAnswerMatchesTheDocumentedSchema() throws Exception {
        server.json("/user/balance", 200, balance("3.10"));
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek", "--label", "w", "--base-url",
                server.baseUrl().toString(), "--threshold", "5 CNY").code());
        assertEquals(0, cli().run("accounts", "add", "--provider", "openai", "--label", "o", "--topup", "120 USD",
                "--topup-date", "2026-11-19").code());
        valid("balance", "balance", "--json");
        valid("status", "status", "--json");
        server.json("/user/balance", 401, "{\"error\": {\"message\": \"Authentication Fails\"}}");
        valid("balance", "balance", "--json");
        server.json("/user/balance", 200, balance("0.00"));
        valid("balance", "balance", "--json");
        valid("status", "status", "--json");
        valid("status", "status", "--format", "json");
        // never checked: status null, health pending
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek", "--label", "new", "--base-url",
                server.baseUrl().toString()).code());
        JsonNode pending = JSON.readTree(cli().run("status", "--json").out()).get("accounts").get(2);
        assertEquals("pending", pending.get("health").asText(), pending.toString());
        valid("status", "status", "--json");
        valid("accounts", "accounts", "list", "--json");
        valid("history", "history", "deepseek-w", "--json");
        valid("history", "history", "openai-o", "--json");
        valid("keys", "keys", "status", "--json");
    }

    @Test
    void theSchemaRejectsADocumentWithoutItsVersion() throws Exception {
        JsonNode doc = JSON.readTree("{\"checkedAt\": \"2026-11-22T05:00:00Z\", \"accounts\": []}");
        assertTrue(!schema("balance").validate(doc).isEmpty(), "schemaVersion is required");
        JsonNode money = JSON.readTree("{\"schemaVersion\": 1, \"checkedAt\": \"2026-11-22T05:00:00Z\", \"accounts\": ["
                + "{\"id\":\"a\",\"provider\":\"deepseek\",\"label\":\"a\",\"status\":\"ok\",\"message\":null,"
                + "\"available\":true,\"balances\":[{\"currency\":\"CNY\",\"total\":3.1}],\"spend\":null,"
                + "\"keyLimit\":null,\"source\":null}]}");
        assertTrue(!schema("balance").validate(money).isEmpty(), "money is a string, never a JSON number");
    }
}
