package dev.tally.notify;

import dev.tally.core.Wording;

/**
 * The notifications' own words (the title and body of a notice come from the alert's wording in {@code status}):
 * the label of the action that opens Tally. Keys {@code notify.NAME}; English bundle generated from here
 * ({@code scripts/i18n/bundle.py}).
 */
public enum NotifyPhrase implements Wording {
    /** The default action's label; a notification server may show it as a button ("Open Tally" / "打开 Tally"). */
    OPEN_TALLY("Open Tally");

    private final String english;

    NotifyPhrase(String english) {
        this.english = english;
    }

    @Override
    public String key() {
        return "notify." + name();
    }

    @Override
    public String english() {
        return english;
    }
}
