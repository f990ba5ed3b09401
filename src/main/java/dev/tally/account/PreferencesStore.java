package dev.tally.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.core.KeptAside;
import dev.tally.core.Language;
import dev.tally.core.StoreBusyException;
import dev.tally.core.UntrustedText;
import dev.tally.core.WriteLock;
import dev.tally.provider.JsonTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code settings.json} in the config folder: the {@link Preferences}, versioned and written atomically
 * (temp file, fsync, rename) like {@link AccountStore}.
 *
 * <p>A file that cannot be read is moved aside to {@code settings.json.corrupt-<timestamp>} and reported in one
 * line; the defaults are used. A file written by a newer Tally is left untouched, the defaults are used and the
 * store becomes read-only. Blocking file I/O: not for a UI thread. Thread-safe.
 *
 * <p><b>Several writers.</b> {@link #update} is a locked read-modify-write like {@link AccountStore#update}: an OS
 * file lock on {@code settings.json.lock}, a re-read under it, an atomic replace; the settings dialog, the main
 * window remembering its place and another Tally process never undo each other's changes. A writer that cannot get
 * the lock within a few seconds fails with {@link StoreBusyException} and changes nothing.
 */
public final class PreferencesStore {
    public static final int VERSION = 1;
    public static final String FILE_NAME = "settings.json";
    /** Settings take a few hundred bytes; a file far larger is not ours. */
    static final long MAX_BYTES = 256 * 1024;

    private final Path file;
    private final Clock clock;
    private final Duration lockWait;

    /** What loading found: the preferences (defaults when there were none), a one-line warning, whether saving is allowed. */
    public record Loaded(Preferences preferences, Optional<String> warning, boolean writable) {
    }

    public PreferencesStore(Path configDir, Clock clock) {
        this(configDir, clock, WriteLock.DEFAULT_WAIT);
    }

    /** @param lockWait how long a writer waits for another writer to finish before giving up */
    public PreferencesStore(Path configDir, Clock clock, Duration lockWait) {
        this.file = configDir.resolve(FILE_NAME);
        this.clock = clock;
        this.lockWait = lockWait;
    }

    public Path file() {
        return file;
    }

    /**
     * Only the {@code "language"} setting, read quickly without a JSON parser; see {@link LanguageSetting#read}.
     */
    public static Language languageSetting(Path configDir) {
        return LanguageSetting.read(configDir);
    }

    /** Reads the file. Never throws for bad content: that is reported in {@link Loaded#warning()}. */
    public synchronized Loaded load() {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Loaded(Preferences.defaults(), Optional.of(setAside(ConfigPhrase.TOO_LARGE_SETTINGS.say(MAX_BYTES / 1024))), true);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(Preferences.defaults(), Optional.empty(), true);
        } catch (IOException e) {
            return new Loaded(Preferences.defaults(), Optional.of(ConfigPhrase.SETTINGS_UNREADABLE.say(file, e.getClass().getSimpleName())), false);
        }
        try {
            // duplicate keys refused; read with Jackson's streaming parser alone (JsonTrees: no ObjectMapper start-up)
            JsonNode root = JsonTrees.read(bytes, JsonTrees.Decimals.DOUBLE, false);
            if (root == null || !root.isObject()) {
                throw new BadFile(ConfigPhrase.NOT_AN_OBJECT_FILE.say());
            }
            JsonNode v = root.get("version");
            if (v == null || !v.canConvertToInt()) {
                throw new BadFile(ConfigPhrase.NO_VERSION.say());
            }
            if (v.asInt() > VERSION) {
                return new Loaded(Preferences.defaults(), Optional.of(file + " was written by a newer Tally (format version "
                        + v.asInt() + ", this one reads " + VERSION + "); it is left unchanged and the default settings are used"),
                        false);
            }
            if (v.asInt() < 1) {
                throw new BadFile(ConfigPhrase.BAD_VERSION.say(v.asInt()));
            }
            return new Loaded(read(root), Optional.empty(), true);
        } catch (IOException | BadFile | IllegalArgumentException e) {
            // the reason may quote the file's own content (an id, a theme): shown escaped, never raw
            String why = e instanceof BadFile || e instanceof IllegalArgumentException ? UntrustedText.escape(e.getMessage())
                    : ConfigPhrase.NOT_JSON.say();
            return new Loaded(Preferences.defaults(), Optional.of(setAside(why)), true);
        }
    }

    private static Preferences read(JsonNode root) throws BadFile {
        Preferences d = Preferences.defaults();
        Preferences.Theme theme = d.theme();
        JsonNode t = root.get("theme");
        if (t != null && !t.isNull()) {
            theme = Preferences.Theme.fromJson(t.asText())
                    .orElseThrow(() -> new BadFile(ConfigPhrase.BAD_THEME.say(t.asText())));
        }
        Preferences.WindowBounds window = null;
        JsonNode w = root.get("window");
        if (w != null && !w.isNull()) {
            if (!w.isObject()) {
                throw new BadFile(ConfigPhrase.WINDOW_NOT_OBJECT.say());
            }
            window = new Preferences.WindowBounds(number(w, "x"), number(w, "y"), number(w, "width"), number(w, "height"));
        }
        // a language this Tally does not speak (written by a newer one) follows the OS; the file is kept
        Language language = d.language();
        JsonNode l = root.get("language");
        if (l != null && !l.isNull()) {
            if (!l.isTextual()) {
                throw new BadFile(ConfigPhrase.LANGUAGE_NOT_TEXT.say());
            }
            language = Language.fromSetting(l.asText()).orElse(Language.SYSTEM);
        }
        return new Preferences(theme, flag(root, "notifications", d.notifications()),
                flag(root, "hideAmounts", d.hideAmounts()), flag(root, "launchAtLogin", d.launchAtLogin()), window,
                flag(root, "spendChecks", d.spendChecks()), language,
                root.get("compact") == null || root.get("compact").isNull() ? null : flag(root, "compact", false));
    }

    private static boolean flag(JsonNode root, String field, boolean fallback) throws BadFile {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new BadFile(ConfigPhrase.NOT_BOOLEAN.say(field));
        }
        return n.booleanValue();
    }

    private static Double number(JsonNode w, String field) throws BadFile {
        JsonNode n = w.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new BadFile(ConfigPhrase.WINDOW_NOT_NUMBER.say(field));
        }
        return n.doubleValue();
    }

    private String setAside(String why) {
        Path aside = KeptAside.name(file, clock.instant());
        try {
            Files.move(file, aside);
            return ConfigPhrase.SETTINGS_KEPT_ASIDE.say(file, why, aside.getFileName());
        } catch (IOException e) {
            return ConfigPhrase.SETTINGS_NOT_MOVED.say(file, why);
        }
    }

    /**
     * Replaces the file, atomically: a crash leaves either the old or the new file.
     *
     * @throws StoreBusyException  when another writer held the lock too long; nothing was changed
     * @throws UncheckedIOException when the disk refuses (the old file is then untouched)
     */
    public void save(Preferences p) {
        WriteLock.holding(file, lockWait, () -> {
            write(p);
            return null;
        });
    }

    private void write(Preferences p) {
        ObjectNode root = JsonTrees.object();
        root.put("version", VERSION);
        root.put("theme", p.theme().jsonName());
        root.put("notifications", p.notifications());
        root.put("hideAmounts", p.hideAmounts());
        root.put("launchAtLogin", p.launchAtLogin());
        root.put("spendChecks", p.spendChecks());
        root.put("language", p.language().tag());
        if (p.compact() == null) {
            root.putNull("compact");
        } else {
            root.put("compact", p.compact());
        }
        if (p.window() == null) {
            root.putNull("window");
        } else {
            ObjectNode w = root.putObject("window");
            w.put("x", p.window().x());
            w.put("y", p.window().y());
            w.put("width", p.window().width());
            w.put("height", p.window().height());
        }
        try {
            AccountStore.writeAtomically(file, JsonTrees.prettyBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(ConfigPhrase.COULD_NOT_SAVE.say(file, e.getMessage()), e);
        }
    }

    /**
     * Loads, changes and saves in one step, so two writers (the settings dialog and the main window remembering
     * its bounds) never undo each other's changes.
     *
     * @return what was saved
     * @throws StoreBusyException   when another writer (maybe another process) held the lock too long; nothing changed
     * @throws IllegalStateException when the file must not be written (written by a newer Tally, unreadable)
     * @throws UncheckedIOException  when the disk refuses
     */
    public Preferences update(UnaryOperator<Preferences> change) {
        return WriteLock.holding(file, lockWait, () -> {
            Loaded loaded = load();
            if (!loaded.writable()) {
                throw new IllegalStateException(ConfigPhrase.NOT_CHANGING.say(file, loaded.warning().orElse(ConfigPhrase.CANNOT_BE_READ.say())));
            }
            Preferences next = change.apply(loaded.preferences());
            write(next);
            return next;
        });
    }

    private static final class BadFile extends Exception {
        private static final long serialVersionUID = 1L;

        BadFile(String message) {
            super(message, null, false, false);
        }
    }
}
