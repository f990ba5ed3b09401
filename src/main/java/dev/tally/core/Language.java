package dev.tally.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language Tally speaks: {@link #SYSTEM} (follow the OS), {@link #ENGLISH} or {@link #SIMPLIFIED_CHINESE}.
 *
 * <p>Which one is used ({@link #choose}), first match wins:
 * <ol>
 *   <li>{@code TALLY_LANG=zh-CN|en} (also {@code zh_CN}, {@code zh}, {@code en_US}, …): one command or one start;</li>
 *   <li>the setting {@code "language"} in {@code settings.json} ({@code system}, {@code en}, {@code zh-CN}), when it
 *       is not {@code system};</li>
 *   <li>on Linux and other Unix systems the POSIX locale variables {@code LC_ALL}, then {@code LC_MESSAGES}, then
 *       {@code LANG} (the first that is set and not empty decides; {@code C} and {@code POSIX} are English);</li>
 *   <li>else (Windows, macOS, or no variable set) the JVM's user locale.</li>
 * </ol>
 * Chinese means Simplified Chinese: {@code zh}, {@code zh_CN}, {@code zh_SG}, {@code zh_Hans}. Traditional Chinese
 * ({@code zh_TW}, {@code zh_HK}, {@code zh_MO}, {@code zh_Hant}) has no translation yet and gets English, as does
 * every other language. An unknown value of {@code TALLY_LANG} or of the setting is ignored (the next rule decides).
 *
 * <p>Immutable and thread-safe.
 */
public enum Language {
    SYSTEM("system", null),
    ENGLISH("en", Locale.ENGLISH),
    SIMPLIFIED_CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE);

    /** The environment variable that picks the language for one command or one start. */
    public static final String ENV = "TALLY_LANG";

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The name in {@code settings.json} and {@code TALLY_LANG}: {@code system}, {@code en}, {@code zh-CN}. */
    public String tag() {
        return tag;
    }

    /**
     * The locale for bundles, numbers and dates: {@link Locale#ENGLISH}, {@link Locale#SIMPLIFIED_CHINESE}.
     *
     * @throws IllegalStateException for {@link #SYSTEM}, which is no language of its own: {@link #choose} first
     */
    public Locale locale() {
        if (locale == null) {
            throw new IllegalStateException("SYSTEM is not a language of its own; choose one first");
        }
        return locale;
    }

    /**
     * How the language calls itself, for a chooser: {@code English}, {@code 简体中文}; {@code null} for {@link #SYSTEM},
     * whose label is the settings window's ({@code settings.LANGUAGE_SYSTEM}).
     */
    public String endonym() {
        return switch (this) {
            case SYSTEM -> null;
            case ENGLISH -> "English";
            case SIMPLIFIED_CHINESE -> "简体中文";
        };
    }

    /**
     * The language of a setting's or {@code TALLY_LANG}'s value ({@code system}, {@code en}, {@code zh-CN}, any case,
     * also {@code zh_CN.UTF-8}), if it is one Tally speaks.
     */
    public static Optional<Language> fromSetting(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.equalsIgnoreCase(SYSTEM.tag)) {
            return Optional.of(SYSTEM);
        }
        // only a language Tally speaks: "fr" or "zh-TW" asked for by name is not quietly English
        return fromLocaleName(v).filter(l -> l == SIMPLIFIED_CHINESE
                || l == ENGLISH && (v.regionMatches(true, 0, "en", 0, 2) || v.equals("C") || v.equals("POSIX")));
    }

    /**
     * The language of a locale name as the OS or a person writes it: {@code zh_CN.UTF-8}, {@code zh-CN}, {@code zh},
     * {@code en_GB}, {@code C}; empty for a name Tally cannot read at all.
     */
    static Optional<Language> fromLocaleName(String name) {
        String n = name.strip();
        int cut = indexOfAny(n, '.', '@');
        if (cut >= 0) {
            n = n.substring(0, cut);
        }
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.equals("C") || n.equals("POSIX")) {
            return Optional.of(ENGLISH);
        }
        String[] parts = n.replace('-', '_').split("_");
        if (!parts[0].chars().allMatch(Character::isLetter) || parts[0].length() < 2 || parts[0].length() > 3) {
            return Optional.empty();
        }
        return Optional.of(of(Locale.forLanguageTag(n.replace('_', '-'))));
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** The language Tally speaks for a locale: Simplified Chinese for a Simplified Chinese one, else English. */
    public static Language of(Locale l) {
        if (!l.getLanguage().equals("zh")) {
            return ENGLISH;
        }
        String script = l.getScript();
        if (script.equals("Hans")) {
            return SIMPLIFIED_CHINESE;
        }
        if (script.equals("Hant")) {
            return ENGLISH;
        }
        return switch (l.getCountry()) {
            case "TW", "HK", "MO" -> ENGLISH;
            default -> SIMPLIFIED_CHINESE;
        };
    }

    /**
     * The language to speak (never {@link #SYSTEM}), by the rules in the class comment.
     *
     * @param env        the environment ({@code TALLY_LANG}, {@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG})
     * @param setting    the {@code "language"} setting, or {@code null} when there is none
     * @param osName     the {@code os.name} property: the POSIX variables count everywhere but on Windows and macOS
     * @param userLocale the JVM's user locale ({@link Locale#getDefault()})
     */
    public static Language choose(Map<String, String> env, Language setting, String osName, Locale userLocale) {
        Optional<Language> fromEnv = fromSetting(env.get(ENV)).filter(l -> l != SYSTEM);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        if (setting != null && setting != SYSTEM) {
            return setting;
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (!os.startsWith("windows") && !os.startsWith("mac")) {
            for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
                String v = env.get(name);
                if (v != null && !v.isBlank()) {
                    Optional<Language> l = fromLocaleName(v);
                    if (l.isPresent()) {
                        return l.get();
                    }
                    break; // set but unreadable: as POSIX says for a locale that does not exist, the default
                }
            }
        }
        return of(userLocale);
    }
}
