package dev.tally.autostart;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** The fallback where Tally knows no start-at-login mechanism: never enabled, and says why. Thread-safe. */
public final class NoAutostart implements Autostart {
    private final String reason;

    /** @param reason why starting at login is not available, shown to people */
    public NoAutostart(String reason) {
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isSupported() {
        return false;
    }

    @Override
    public String describe() {
        return reason;
    }

    @Override
    public boolean isEnabled() {
        return false;
    }

    /** @throws IOException always, with the reason */
    @Override
    public void enable(List<String> command) throws IOException {
        throw new IOException(reason);
    }

    /** Nothing to remove; succeeds. */
    @Override
    public void disable() {
    }
}
