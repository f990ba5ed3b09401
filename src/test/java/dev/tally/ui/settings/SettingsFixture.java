package dev.tally.ui.settings;

import dev.tally.account.AccountStore;
import dev.tally.account.PreferencesStore;
import dev.tally.autostart.Autostart;
import dev.tally.autostart.XdgAutostart;
import dev.tally.poll.BalanceFetcher;
import dev.tally.provider.HttpFetch;
import dev.tally.provider.ProviderCatalog;
import dev.tally.secret.KeyResolver;
import dev.tally.secret.SecretStore;
import dev.tally.testing.ProviderHarness;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Real stores in a temporary folder, a real {@link BalanceFetcher} over loopback HTTP (no environment keys), an XDG
 * autostart folder inside the temporary folder, and the given keychain and executors.
 */
final class SettingsFixture {
    static final List<String> LAUNCH = List.of("/opt/Tally Apps/bin/tally", "--from-login");

    final Path home;
    final Clock clock = Clock.fixed(ProviderHarness.NOW, ZoneOffset.UTC);
    final ProviderCatalog catalog = ProviderCatalog.standard();
    final AccountStore accounts;
    final PreferencesStore preferences;
    final XdgAutostart autostart;
    final BalanceFetcher fetcher;

    SettingsFixture(Path home) {
        this.home = home;
        this.accounts = new AccountStore(home.resolve("config"), clock);
        this.preferences = new PreferencesStore(home.resolve("config"), clock);
        this.autostart = new XdgAutostart(home.resolve("xdg-config/autostart"));
        HttpFetch http = new HttpFetch("test", HttpFetch.CONNECT_TIMEOUT, Duration.ofSeconds(3), HttpFetch.MAX_BODY_BYTES, clock);
        this.fetcher = new BalanceFetcher(catalog, new KeyResolver(Map.of()), http, clock);
    }

    /** Environment variables the settings see (as the widget would); none unless a test sets some. */
    Map<String, String> env = Map.of();

    SettingsViewModel.Services services(SecretStore store, Autostart auto, Executor background, Executor ui) {
        return new SettingsViewModel.Services(catalog, accounts, () -> store, fetcher::fetch, preferences, auto, LAUNCH,
                background, ui, new KeyResolver(env, () -> store));
    }

    SettingsViewModel viewModel(SecretStore store, Executor background, Executor ui) {
        return new SettingsViewModel(services(store, autostart, background, ui));
    }
}
