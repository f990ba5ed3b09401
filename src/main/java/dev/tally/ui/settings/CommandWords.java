package dev.tally.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key command as one line in the form and as the argument list Tally stores and runs (never through a shell):
 * words split at spaces, {@code '…'} taken literally, {@code "…"} with {@code \"} and {@code \\} escapes, {@code \}
 * escaping the next character outside quotes — as a shell would split it, without expanding anything. Stateless.
 */
final class CommandWords {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./~-]+");

    private CommandWords() {
    }

    /** The words of {@code line}, or empty when a quote is not closed (see {@link #problem}). */
    static Optional<List<String>> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        String s = line == null ? "" : line;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                w.append(s, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < s.length()) {
                    char d = s.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                        d = s.charAt(++i);
                    }
                    w.append(d);
                    i++;
                }
                if (!closed) {
                    return Optional.empty();
                }
                inWord = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                w.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return Optional.of(List.copyOf(words));
    }

    /** The line for {@code words}: each word as it is when it needs no quotes, else in single quotes. */
    static String join(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", out);
    }
}
