package dev.tally.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No words for people outside the bundles: scans {@code src/main/java} for string literals that reach a label or
 * text setter (JavaFX controls, tooltips, titles, accessible names), a notification ({@code Notice}, a tray
 * message) or the command line's printer ({@code println}, {@code print}, {@code printf}, a usage error). A literal
 * counts as words when it holds a word of two letters or a Chinese character; names that are the same in every
 * language (Tally, tally, commands and options as typed) and pure punctuation do not. Every exception is listed in
 * {@link #ALLOWED} with the reason it may stay; a new finding fails with its file and line.
 */
class UserTextScanTest {
    private static final Path SOURCES = Path.of("src/main/java");

    /** Calls whose arguments people read. */
    private static final Pattern SINK = Pattern.compile(
            "(?:\\.(?:setText|setPromptText|setTitle|setHeaderText|setContentText|setAccessibleText"
                    + "|setAccessibleHelp|setTooltip|println|print|printf|displayMessage|notify|send)"
                    + "|new (?:Label|Button|Hyperlink|CheckBox|RadioButton|ToggleButton|MenuItem|Menu|Tooltip"
                    + "|Text|TitledPane|Tab|Notice|Cli\\.UsageError|UsageError))\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}|\\p{IsHan}");
    private static final Pattern OPTION_OR_COMMAND = Pattern.compile(
            "(?<![A-Za-z])--?[a-z][a-z0-9-]*|\\btally(?: [a-z][a-z-]*)*");
    /** Said the same in every language: the app's and commands' names, format pieces. */
    private static final Set<String> SAME_EVERYWHERE = Set.of("tally", "Tally");

    /**
     * Literals that may stay, by file (path below src/main/java) — each with its reason. Keep it short: a new
     * sentence belongs in a wording enum (status.Phrase, cli.CliPhrase, …) and the bundles.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // core.Text is not JavaFX's Text: "words" names a null argument in a programming error
            Map.entry("dev/tally/core/Text.java", Set.of("words")),
            // the AOT cache's training run at build time (packaging), read by whoever builds the package, not by users
            Map.entry("dev/tally/launcher/AotTraining.java", Set.of("AOT training: ", " run(s) failed; the cache would miss their classes", "AOT training: 'tally ", "' exited ",
                    "AOT training: seeding a history for 'status' exited "))
    );

    record Finding(String file, int line, String literal) {
        @Override
        public String toString() {
            return file + ":" + line + ": \"" + literal + "\"";
        }
    }

    static List<Finding> scan(Path root) throws IOException {
        List<Finding> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String code = withoutComments(Files.readString(p));
                Matcher m = SINK.matcher(code);
                while (m.find()) {
                    int end = closing(code, m.end());
                    String args = code.substring(m.end(), end);
                    Matcher l = LITERAL.matcher(args);
                    while (l.find()) {
                        String text = l.group(1);
                        if (isWords(text) && !ALLOWED.getOrDefault(rel, Set.of()).contains(text)) {
                            out.add(new Finding(rel, line(code, m.end() + l.start()), text));
                        }
                    }
                }
            }
        }
        return out;
    }

    static boolean isWords(String literal) {
        // options and commands are typed as they are in every language: --base-url, 'tally keys set', e.g. -- pass
        String said = OPTION_OR_COMMAND.matcher(literal).replaceAll(" ");
        Matcher w = WORD.matcher(said);
        while (w.find()) {
            if (!SAME_EVERYWHERE.contains(w.group())) {
                return true;
            }
        }
        return false;
    }

    /** The index of the parenthesis closing the call whose arguments start at {@code from}. */
    private static int closing(String code, int from) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                i = endOfString(code, i);
            } else if (c == '\'') {
                i = code.indexOf('\'', i + (code.charAt(i + 1) == '\\' ? 3 : 2));
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    private static int endOfString(String code, int start) {
        if (code.startsWith("\"\"\"", start)) {
            int e = code.indexOf("\"\"\"", start + 3);
            return e < 0 ? code.length() : e + 2;
        }
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return code.length();
    }

    /** The code with comments blanked (line breaks kept, so line numbers stay). */
    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                int e = endOfString(code, i);
                out.append(code, i, Math.min(e + 1, code.length()));
                i = e;
            } else if (c == '\'' && i + 2 < code.length()) {
                int e = code.indexOf('\'', i + (code.charAt(i + 1) == '\\' ? 3 : 2));
                out.append(code, i, e + 1);
                i = e;
            } else if (code.startsWith("//", i)) {
                while (i < code.length() && code.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (code.startsWith("/*", i)) {
                int e = code.indexOf("*/", i + 2);
                e = e < 0 ? code.length() : e + 2;
                code.substring(i, e).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = e - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int line(String code, int index) {
        int n = 1;
        for (int i = 0; i < index; i++) {
            if (code.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    @Test
    void noWordsForPeopleOutsideTheBundles() throws IOException {
        List<Finding> found = scan(SOURCES);
        assertEquals(List.of(), found.stream().map(Finding::toString).toList(),
                "words for people belong in a wording enum and the bundles (or in ALLOWED, with the reason)");
    }

    @Test
    void theScanFindsALiteralInASetterAndPassesNamesAndPunctuation() {
        assertTrue(isWords("Refresh all"));
        assertTrue(isWords("余额"));
        assertTrue(!isWords("tally: ") && !isWords(" — ") && !isWords("Tally") && !isWords("%s"));
        assertTrue(!isWords("--base-url: ") && !isWords("tally accounts: ") && isWords("--days must be between 1 and 3660"));
        assertEquals("a(\"x\"); \n\nb();", withoutComments("a(\"x\"); // c(\"y\")\n/* d(\"z\") */\nb();"));
    }

    @Test
    void everyAllowedLiteralIsStillThere() throws IOException {
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            Path p = SOURCES.resolve(e.getKey());
            if (e.getValue().isEmpty()) {
                continue;
            }
            String code = Files.readString(p);
            for (String literal : e.getValue()) {
                assertTrue(code.contains("\"" + literal + "\""), e.getKey() + " no longer has \"" + literal
                        + "\": remove it from ALLOWED");
            }
        }
    }
}
