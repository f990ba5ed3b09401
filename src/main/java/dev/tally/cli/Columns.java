package dev.tally.cli;

import dev.tally.core.UntrustedText;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text cells printed as aligned columns, two spaces apart, measured as a terminal shows them: a wide (East
 * Asian, emoji) character takes two cells, a combining mark none, and a character {@link EscapingWriter} will escape
 * takes the width of its escape. Empty cells keep their column; trailing spaces are dropped. Not thread-safe.
 */
final class Columns {
    private final List<List<String>> rows = new ArrayList<>();

    void add(String... cells) {
        rows.add(List.of(cells));
    }

    /** The aligned lines, one per row. */
    List<String> lines() {
        int n = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[n];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], width(r.get(i)));
            }
        }
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                line.append(cell);
                if (i < r.size() - 1) {
                    line.append(" ".repeat(widths[i] - width(cell) + 2));
                }
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    /** {@code s} and spaces up to {@code columns} terminal cells, at least one space. */
    static String padded(String s, int columns) {
        return s + " ".repeat(Math.max(1, columns - width(s)));
    }

    /** How many terminal cells {@code s} takes once printed. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c != '\t' && UntrustedText.isUnsafe(c)) {
                w += c > 0xFFFF ? UntrustedText.escape(new String(Character.toChars(c))).length()
                        : UntrustedText.escaped((char) c).length();
            } else {
                w += cells(c);
            }
        }
        return w;
    }

    private static int cells(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || c == 0x200B) {
            return 0;
        }
        return wide(c) ? 2 : 1;
    }

    /** The East Asian Wide and Fullwidth ranges (Unicode UAX #11), and the emoji blocks terminals draw wide. */
    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
                || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
