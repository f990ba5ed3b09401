package dev.tally.status;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Caveat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words for a snapshot's {@link Caveat}s, said where its amounts are shown (the card's note, the command line's
 * line): xAI's posted ledger always, an OpenRouter key's expiry once it is {@link #KEY_EXPIRY_NOTICE} away or less.
 * Stateless and thread-safe; the clock is an argument.
 */
public final class Caveats {
    /** How near a key's expiry must be before it is told. */
    public static final Duration KEY_EXPIRY_NOTICE = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Caveats() {
    }

    /** One sentence per caveat that applies at {@code now}, in the snapshot's order; empty when none does. */
    public static List<String> sentences(BalanceSnapshot s, Instant now) {
        List<String> out = new ArrayList<>();
        for (Caveat c : s.caveats()) {
            switch (c) {
                case Caveat.PostedLedger p -> out.add(Phrase.CAVEAT_POSTED_LEDGER.say());
                case Caveat.KeyExpires k -> {
                    if (!k.at().isAfter(now)) {
                        out.add(Phrase.CAVEAT_KEY_EXPIRED.say(WHEN.format(k.at())));
                    } else if (Duration.between(now, k.at()).compareTo(KEY_EXPIRY_NOTICE) <= 0) {
                        out.add(Phrase.CAVEAT_KEY_EXPIRES.say(WHEN.format(k.at())));
                    }
                }
            }
        }
        return out;
    }
}
