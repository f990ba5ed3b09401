package dev.tally.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The window's actions doing nothing: a refresh is done at once, editing a key, the settings and the environment
 * import are ignored (and, by {@link MainViewModel.Actions}' defaults, no history, no links, nothing remembered).
 * Tests override what they watch.
 */
public class IdleActions implements MainViewModel.Actions {
    @Override
    public CompletionStage<?> refresh(String accountId) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void editKey(String accountId) {
    }

    @Override
    public void openSettings() {
    }

    @Override
    public void importFromEnvironment() {
    }
}
