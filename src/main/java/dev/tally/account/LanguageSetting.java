package dev.tally.account;

import dev.tally.core.Language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code "language"} setting of {@code settings.json}, read quickly for the command line's start-up: no JSON
 * parser (loading {@link PreferencesStore} builds one, which would cost every {@code tally --help} a tenth of a
 * second). Stateless and thread-safe; blocking file I/O.
 */
public final class LanguageSetting {
    private static final Pattern LANGUAGE = Pattern.compile("\"language\"\\s*:\\s*\"([A-Za-z_-]{1,16})\"");

    private LanguageSetting() {
    }

    /**
     * The value as {@link PreferencesStore#save} writes it, or {@link Language#SYSTEM} when the file, the setting or
     * its value is missing or unreadable. {@link PreferencesStore#load} stays the judge of the file; a damaged file
     * simply follows the OS here.
     */
    public static Language read(Path configDir) {
        Path f = configDir.resolve(PreferencesStore.FILE_NAME);
        try {
            if (!Files.isRegularFile(f) || Files.size(f) > PreferencesStore.MAX_BYTES) {
                return Language.SYSTEM;
            }
            Matcher m = LANGUAGE.matcher(Files.readString(f, StandardCharsets.UTF_8));
            return m.find() ? Language.fromSetting(m.group(1)).orElse(Language.SYSTEM) : Language.SYSTEM;
        } catch (IOException | UncheckedIOException e) {
            return Language.SYSTEM;
        }
    }
}
