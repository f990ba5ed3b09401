package dev.tally.poll;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchException;
import dev.tally.core.Secret;
import dev.tally.provider.BalanceProvider;
import dev.tally.provider.Credentials;
import dev.tally.provider.FetchContext;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import dev.tally.provider.ProviderTarget;
import dev.tally.secret.KeyResolver;
import dev.tally.testing.FakeProviderServer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bug while reading an answer (here: a provider whose parsing throws after a real request to the loopback server)
 * is a typed error naming the exception's class and message, never a balance, and its stack trace goes to the log
 * (which {@code --debug} also prints on stderr) with the key removed from every message.
 */
class UnexpectedErrorTest {
    private static final Secret KEY = Secret.of("sk-bug-CANARY-0123456789abcdef");

    /** DeepSeek's description, but its answer is read by code with a bug that quotes the key in its exception. */
    private record BuggyProvider(ProviderInfo info) implements BalanceProvider {
        @Override
        public BalanceSnapshot fetch(FetchContext ctx) throws FetchException {
            ctx.http().getJson(new HttpFetch.Call("deepseek", ctx.uri("/user/balance"),
                    Map.of("Authorization", "Bearer " + KEY.reveal()), ctx.credentials().all()));
            throw new IllegalStateException("cannot read field 'total' of null for key " + KEY.reveal());
        }
    }

    @Test
    void anUnexpectedExceptionIsATypedErrorWithItsClassAndMessageAndAKeyFreeStackTrace() throws Exception {
        ProviderInfo deepseek = ProviderCatalog.standard().find("deepseek").orElseThrow();
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(BalanceFetcher.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try (FakeProviderServer server = FakeProviderServer.start();
             HttpFetch http = new HttpFetch("test")) {
            server.json("/user/balance", 200, "{\"balance_infos\":[]}");
            BalanceFetcher fetcher = new BalanceFetcher(new ProviderCatalog(List.of(new BuggyProvider(deepseek)), List.of()),
                    new KeyResolver(Map.of()), http, Clock.systemUTC());
            FetchTarget target = FetchTarget.adHoc(deepseek, new ProviderTarget("DeepSeek", null, server.baseUrl(), null));

            FetchOutcome outcome = fetcher.fetch(target, Credentials.of("api", KEY));

            assertEquals(AccountStatus.BAD_RESPONSE, outcome.status());
            String message = ((FetchOutcome.Failure) outcome).error().message();
            assertTrue(message.contains("IllegalStateException: cannot read field 'total' of null for key [key]"), message);
            assertTrue(message.contains("--debug"), message);
            assertFalse(message.contains("CANARY"), message);

            LogRecord record = logged.stream().filter(r -> r.getLevel() == Level.WARNING).findFirst().orElseThrow();
            assertNotNull(record.getThrown(), "the stack trace is logged");
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            assertTrue(trace.toString().startsWith("IllegalStateException: cannot read field"), trace.toString());
            assertTrue(trace.toString().contains("BuggyProvider.fetch"), "says where it happened: " + trace);
            assertFalse(trace.toString().contains("CANARY"), trace.toString());
        } finally {
            logger.removeHandler(capture);
        }
    }
}
