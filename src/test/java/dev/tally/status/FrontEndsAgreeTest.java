package dev.tally.status;

import dev.tally.account.Account;
import dev.tally.alert.Alert;
import dev.tally.core.FetchError;
import dev.tally.core.ProviderId;
import dev.tally.core.Remedy;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.ProviderCatalog;
import dev.tally.tray.TrayText;
import dev.tally.ui.BalanceCardViewModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every kind of fetch error as every front end says it: the command line, the tray, the card (badge, hover text,
 * reason line), the settings window's Test and a notification. All of them take their words from the status
 * vocabulary, so the same failure is called the same thing everywhere. No toolkit: the card's view model is plain
 * properties.
 */
class FrontEndsAgreeTest {
    private static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");
    private static final Instant POLLED = NOW.minus(Duration.ofMinutes(3));
    private static final FetchTarget DEEPSEEK = FetchTarget.of(
            new Account("deepseek", ProviderId.of("deepseek"), "DeepSeek", null, null, null, null, 5),
            ProviderCatalog.standard().find("deepseek").orElseThrow());

    /** One kind and what each front end says about it. */
    private record Row(FetchError error, String commandLine, String trayLabel, String badge, String hover,
                       String reason, String settings) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(new FetchError.AuthFailed("the key was rejected by api.deepseek.com (HTTP 401)"),
                    "DeepSeek: key rejected — the key was rejected by api.deepseek.com (HTTP 401)",
                    "key rejected", "Error: key rejected", "The key was rejected by api.deepseek.com (HTTP 401)",
                    "Key rejected — check the key", "Key rejected — the key was rejected by api.deepseek.com (HTTP 401)"),
            new Row(new FetchError.Forbidden("the key is not allowed to read this at api.deepseek.com (HTTP 403)"),
                    "DeepSeek: key not allowed — the key is not allowed to read this at api.deepseek.com (HTTP 403)",
                    "key not allowed", "Error: key not allowed",
                    "The key is not allowed to read this at api.deepseek.com (HTTP 403)",
                    "Key not allowed to read the balance — check the key's permissions",
                    "Key not allowed — the key is not allowed to read this at api.deepseek.com (HTTP 403)"),
            new Row(new FetchError.RateLimited("rate limited by api.deepseek.com (HTTP 429); retry in 30 s",
                    Duration.ofSeconds(30)),
                    "DeepSeek: rate limited — rate limited by api.deepseek.com (HTTP 429); retry in 30 s",
                    "rate limited", "Error: rate limited", "Rate limited by api.deepseek.com (HTTP 429); retry in 30 s",
                    "Rate limited — Tally tries again later",
                    "Rate limited — rate limited by api.deepseek.com (HTTP 429); retry in 30 s"),
            new Row(new FetchError.Timeout("no answer from api.deepseek.com within 15 s"),
                    "DeepSeek: timed out — no answer from api.deepseek.com within 15 s",
                    "timed out", "Error: timed out", "No answer from api.deepseek.com within 15 s",
                    "No answer in time — Tally tries again later",
                    "Timed out — no answer from api.deepseek.com within 15 s"),
            new Row(new FetchError.NetworkError("could not resolve api.deepseek.com"),
                    "DeepSeek: network error — could not resolve api.deepseek.com",
                    "network error", "Error: network error", "Could not resolve api.deepseek.com",
                    "Network error — check the connection; Tally tries again later",
                    "Network error — could not resolve api.deepseek.com"),
            new Row(new FetchError.BadResponse("the answer from api.deepseek.com is not JSON"),
                    "DeepSeek: unexpected response — the answer from api.deepseek.com is not JSON",
                    "unexpected response", "Error: unexpected response", "The answer from api.deepseek.com is not JSON",
                    "Unexpected response from DeepSeek",
                    "Unexpected response — the answer from api.deepseek.com is not JSON"),
            new Row(new FetchError.ProviderError("api.deepseek.com had a server error (HTTP 503); try again later", 503),
                    "DeepSeek: provider error — api.deepseek.com had a server error (HTTP 503); try again later",
                    "provider error", "Error: provider error",
                    "api.deepseek.com had a server error (HTTP 503); try again later",
                    "DeepSeek reported an error — Tally tries again later",
                    "Provider error — api.deepseek.com had a server error (HTTP 503); try again later"),
            new Row(new FetchError.NoKey("no key for DeepSeek", new Remedy.SetKey("deepseek", null, List.of("DEEPSEEK_API_KEY"))),
                    "DeepSeek: no key for DeepSeek — run 'tally keys set deepseek' or set DEEPSEEK_API_KEY",
                    "no key", "No key", "No key for DeepSeek — enter the key in Settings or set DEEPSEEK_API_KEY",
                    "No key — add one with Edit key…",
                    "No key — no key for DeepSeek — enter the key above or set DEEPSEEK_API_KEY"),
            new Row(new FetchError.Unsupported("balance check not supported — no balance API"),
                    "DeepSeek: balance check not supported — no balance API",
                    "balance check not supported", "Not supported", "Balance check not supported — no balance API",
                    "Tally cannot read this provider's balance",
                    "Not supported — balance check not supported — no balance API"));

    @Test
    void everyKindHasOneWordingPerFrontEnd() {
        assertEquals(Problem.values().length, ROWS.size(), "a row per kind");
        for (Row row : ROWS) {
            FetchError e = row.error();
            String kind = e.getClass().getSimpleName();
            assertEquals(row.commandLine(), CommandLineText.line(new FetchOutcome.Failure(DEEPSEEK, POLLED, e)), kind);

            AccountState state = new AccountState(DEEPSEEK, null, e, POLLED, null, true, 1);
            AccountSummary summary = AccountSummary.of(state, NOW);
            assertEquals(row.trayLabel(), summary.problem(), kind);
            assertEquals("DeepSeek — " + row.trayLabel() + " · 3 min ago", TrayText.menuLine(summary, NOW, false), kind);

            BalanceCardViewModel card = card();
            card.update(state, List.of(), NOW, false);
            assertEquals(row.badge(), card.badgeTextProperty().get(), kind);
            assertEquals(row.hover(), card.badgeDetailProperty().get(), kind);
            assertEquals(row.reason(), card.reasonProperty().get(), kind);

            assertEquals(row.settings(), Phrase.TITLED.say(Problem.of(e).title(), Remedies.inSettings(e)), kind);
        }
    }

    @Test
    void aRejectedKeyIsNotifiedWithTheSameWordsAsTheTray() {
        FetchError auth = ROWS.getFirst().error();
        Alert a = new Alert.KeyRejected("deepseek", "DeepSeek", auth.message(), false, auth.remedy());
        assertEquals("DeepSeek: key rejected — the key was rejected by api.deepseek.com (HTTP 401)", a.displayText());
        assertEquals("DeepSeek: key rejected", a.hiddenText());
        Alert lacks = new Alert.KeyRejected("deepseek", "DeepSeek", "not allowed", true);
        assertEquals("DeepSeek: key lacks permission", lacks.hiddenText());
    }

    @Test
    void aRemedyInANotificationIsSaidTheDesktopsWay() {
        Alert a = new Alert.KeyRejected("ms", "Moonshot", "the key was rejected by api.moonshot.cn (HTTP 401)", false,
                new Remedy.CheckRegion());
        assertEquals("Moonshot: key rejected — the key was rejected by api.moonshot.cn (HTTP 401) — check the region"
                + " (--region)", a.text());
        assertEquals("Moonshot: key rejected — the key was rejected by api.moonshot.cn (HTTP 401) — check Settings → Region",
                a.displayText());
    }

    private static BalanceCardViewModel card() {
        List<String> calls = new ArrayList<>();
        return new BalanceCardViewModel("deepseek", new BalanceCardViewModel.Actions() {
            @Override
            public CompletionStage<?> refresh(String accountId) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void editKey(String accountId) {
                calls.add(accountId);
            }
        }, Runnable::run);
    }
}
