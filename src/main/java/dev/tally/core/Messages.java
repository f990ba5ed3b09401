package dev.tally.core;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Tally's words in the chosen {@link Language}: the bundles {@code dev/tally/messages.properties} (English) and
 * {@code dev/tally/messages_zh_CN.properties} (Simplified Chinese), UTF-8.
 *
 * <p><b>Where the words are.</b> The English of every sentence is written in code, in a wording enum
 * ({@code status.Phrase}, {@code cli.CliPhrase}), each constant a whole sentence with numbered placeholders; the
 * English bundle is generated from those enums by {@code scripts/i18n/bundle.py} and a test keeps the two equal.
 * A wording enum asks {@link #template(String, String)} for its template: in English the enum's own text comes back
 * without touching a bundle (the command line's start-up loads none), in Chinese the Chinese bundle's entry, or the
 * English when the entry is missing.
 *
 * <p><b>Placeholders.</b> {@link #fill} replaces {@code {0}}, {@code {1}}, … with the arguments verbatim; every other
 * character, apostrophes and braces included, is plain text ({@code 'tally keys set {1}'} stays quoted). This is
 * {@code MessageFormat}'s placeholder syntax without its quoting rules, which would silently eat the apostrophes
 * of the command-line advice. Plurals are separate keys ({@code AGE_ONE_DAY} / {@code AGE_DAYS}): English needs
 * them in a few places, Chinese never, and a separate key keeps each sentence whole for a translator.
 *
 * <p><b>Which language.</b> Process-wide: the desktop app and the command line call {@link #use} once they know the
 * settings; until then the OS decides ({@link Language#choose} without a setting). {@link #inEnglish} runs a piece
 * of work in English on the calling thread only (JSON documents, log lines, the history's records).
 *
 * <p>Thread-safe. Bundles are read on first use in Chinese, once.
 */
public final class Messages {
    public static final String BUNDLE = "dev.tally.messages";

    private static volatile Language chosen;
    private static final ThreadLocal<Boolean> ENGLISH_HERE = new ThreadLocal<>();
    private static volatile ResourceBundle chinese;

    private Messages() {
    }

    /** The language spoken now on this thread: {@link Language#ENGLISH} or {@link Language#SIMPLIFIED_CHINESE}. */
    public static Language language() {
        if (ENGLISH_HERE.get() != null) {
            return Language.ENGLISH;
        }
        Language l = chosen;
        if (l == null) {
            l = Language.choose(System.getenv(), null, System.getProperty("os.name"), Locale.getDefault());
            chosen = l;
        }
        return l;
    }

    /** The locale of {@link #language()}, for numbers and dates. */
    public static Locale locale() {
        return language().locale();
    }

    /**
     * Speaks {@code language} from now on, process-wide; {@link Language#SYSTEM} follows the OS again. Returns the
     * language spoken before, to give back to {@link #use} (a test, one command run in-process).
     */
    public static Language use(Language language) {
        Language before = chosen;
        chosen = language == Language.SYSTEM ? null : language;
        return before == null ? Language.SYSTEM : before;
    }

    /** Runs {@code work} with every message in English on this thread (JSON, logs, stored records). */
    public static <T> T inEnglish(Supplier<T> work) {
        if (ENGLISH_HERE.get() != null) {
            return work.get();
        }
        ENGLISH_HERE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            ENGLISH_HERE.remove();
        }
    }

    /**
     * The template of {@code key} in the current language: {@code english} itself in English, else the bundle's
     * entry, or {@code english} when the bundle has none.
     */
    public static String template(String key, String english) {
        return template(language(), key, english);
    }

    /** {@link #template(String, String)} in {@code language}. */
    public static String template(Language language, String key, String english) {
        if (language != Language.SIMPLIFIED_CHINESE) {
            return english;
        }
        return find(language, key).orElse(english);
    }

    /**
     * The bundle's entry for {@code key} in {@code language}, when there is one: for words that exist only in a
     * translation (a provider's reason in Chinese; English keeps the provider catalog's own sentence).
     */
    public static Optional<String> find(Language language, String key) {
        if (language != Language.SIMPLIFIED_CHINESE) {
            return Optional.empty();
        }
        ResourceBundle b = chinese();
        return b.containsKey(key) ? Optional.of(b.getString(key)) : Optional.empty();
    }

    /** {@link #find(Language, String)} in the current language. */
    public static Optional<String> find(String key) {
        return find(language(), key);
    }

    private static ResourceBundle chinese() {
        ResourceBundle b = chinese;
        if (b == null) {
            b = bundle(Language.SIMPLIFIED_CHINESE);
            chinese = b;
        }
        return b;
    }

    /**
     * The bundle of {@code language} itself, without falling back to the JVM's default locale (English is the
     * base bundle). For tests and tools; the words are asked through {@link #template}.
     */
    public static ResourceBundle bundle(Language language) {
        try {
            return ResourceBundle.getBundle(BUNDLE, language.locale(), Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the message bundle " + BUNDLE + " is missing from the build", e);
        }
    }

    /**
     * {@code template} with {@code {0}}, {@code {1}}, … replaced by {@code args} in order ({@code null} reads
     * "null"); an argument is never read as a placeholder.
     *
     * @param name what the template is, for the error
     * @throws IllegalArgumentException when the template needs an argument that is not given
     */
    public static String fill(String name, String template, Object... args) {
        String t = template;
        StringBuilder out = new StringBuilder(t.length() + 32);
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            int close = c == '{' ? t.indexOf('}', i) : -1;
            if (close > i + 1 && close - i < 6 && t.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(t.substring(i + 1, close));
                if (n >= args.length) {
                    throw new IllegalArgumentException(name + " needs argument {" + n + "}");
                }
                out.append(Objects.toString(args[n]));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
