package dev.tally.notify;

import java.util.Objects;

/**
 * A notification about one thing (an account, or the start-up summary), richer than a title and a text: a newer
 * notice with the same {@code key} replaces the older one on screen, an {@code urgent} one stays until dismissed
 * (critical urgency), and a click on it runs {@code onClick}.
 *
 * @param key     what the notice is about, e.g. the account id; a newer notice with the same key replaces the older
 * @param title   e.g. {@code DeepSeek (work) is low}
 * @param body    e.g. {@code DeepSeek (work): ¥4.20 left — below your ¥5.00 alert}
 * @param urgent  true for a used-up balance or a rejected key
 * @param onClick what a click on the notice does (the default action), or {@code null}; run on a notification
 *                thread, so it must hand work to its own threads
 */
public record Notice(String key, String title, String body, boolean urgent, Runnable onClick) {
    public Notice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
