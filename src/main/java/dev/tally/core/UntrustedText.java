package dev.tally.core;

import java.util.Locale;

/**
 * Text Tally did not write itself (a label from a hand-edited file, a provider's message, a row of an old history
 * file) made safe to show on one line: control characters (ESC, BEL, newline, tab, C1 controls, …), Unicode line
 * and paragraph separators and bidi embedding/override/isolate marks are replaced by visible escapes
 * ({@code \n}, {@code \t}, {@code \r}, otherwise {@code \}{@code u001b} style), so a terminal never clears
 * the screen, changes its title or shows a faked line, and a tooltip never reverses text. The escapes are also valid
 * inside a JSON string. Everything else, including a backslash, is kept. Stateless.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    /** True for the characters {@link #escape} replaces. */
    public static boolean isUnsafe(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == 0x2028 || c == 0x2029 // line and paragraph separator
                || c >= 0x202A && c <= 0x202E // bidi embeddings and overrides
                || c >= 0x2066 && c <= 0x2069 // bidi isolates
                || c == 0x200E || c == 0x200F || c == 0x061C; // direction marks
    }

    /** {@code s} with every unsafe character escaped; {@code null} stays {@code null}. */
    public static String escape(String s) {
        if (s == null || s.chars().noneMatch(UntrustedText::isUnsafe)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isUnsafe(c)) {
                b.append(escaped(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The visible form of one unsafe character: {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}. */
    public static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format(Locale.ROOT, "\\u%04x", (int) c);
        };
    }
}
