package dev.tally.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The nearest of the names a command knows to what was typed ("balanse" → "balance", "--jsn" → "--json"), for
 * "did you mean …?". picocli's own suggestions list options by their first two letters only, so the nearest is
 * chosen here: the fewest edits (insert, delete, replace, swap two neighbours), at most a third of the typed length
 * (at least 1, at most 3), or else the only name that starts with what was typed. Stateless.
 */
final class Suggestions {
    private Suggestions() {
    }

    /** The name nearest to {@code typed}, or empty when none is near enough to guess. */
    static Optional<String> nearest(String typed, Collection<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("-") || t.equals("--")) {
            return Optional.empty();
        }
        int allowed = Math.clamp(t.replaceFirst("^-+", "").length() / 3, 1, 3);
        Optional<String> close = names.stream().filter(n -> !n.equalsIgnoreCase(typed))
                .min(Comparator.comparingInt((String n) -> distance(t, n.toLowerCase(Locale.ROOT))).thenComparing(n -> n))
                .filter(n -> distance(t, n.toLowerCase(Locale.ROOT)) <= allowed);
        if (close.isPresent()) {
            return close;
        }
        List<String> starting = names.stream().filter(n -> t.length() >= 2 && n.toLowerCase(Locale.ROOT).startsWith(t)).toList();
        return starting.size() == 1 ? Optional.of(starting.getFirst()) : Optional.empty();
    }

    /** {@code text} and "; did you mean 'x'?" when a name is near enough, else {@code text} as it is. */
    static String didYouMean(String text, String typed, Collection<String> names) {
        return nearest(typed, names).map(n -> CliPhrase.DID_YOU_MEAN.say(text, n)).orElse(text);
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring characters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
