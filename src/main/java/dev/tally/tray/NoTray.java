package dev.tally.tray;

import dev.tally.status.State;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The fallback when there is no system tray: supports nothing, shows nothing, never fails. */
public final class NoTray implements TrayBackend {

    @Override
    public boolean isSupported() {
        return false;
    }

    @Override
    public CompletionStage<Boolean> show(State state, String tooltip, List<TrayMenu.Entry> menu) {
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public void update(State state, String tooltip, List<TrayMenu.Entry> menu) {
        // nothing is shown, so there is nothing to update
    }

    @Override
    public void remove() {
        // nothing is shown, so there is nothing to remove
    }

    @Override
    public boolean isShowing() {
        return false;
    }
}
