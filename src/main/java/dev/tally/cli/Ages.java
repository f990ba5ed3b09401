package dev.tally.cli;

import java.time.Duration;
import java.time.Instant;

/** "just now", "3 min ago", "2 h ago", "3 days ago". */
final class Ages {
    private Ages() {
    }

    static String ago(Instant at, Instant now) {
        long s = Math.max(0, Duration.between(at, now).toSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return (s / 60) + " min ago";
        }
        if (s < 2 * 86400) {
            return (s / 3600) + " h ago";
        }
        return (s / 86400) + " days ago";
    }
}
