package dev.tally.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.core.KeptAside;
import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.StoreBusyException;
import dev.tally.core.UntrustedText;
import dev.tally.core.WriteLock;
import dev.tally.provider.BaseUrls;
import dev.tally.provider.JsonTrees;
import dev.tally.provider.SavedRegions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * {@code accounts.json}: versioned, written atomically (temp file, fsync, rename), never holding a key.
 *
 * <p>A file that cannot be read is moved aside to {@code accounts.json.corrupt-<timestamp>} and reported
 * in one line; Tally then carries on with no accounts. A file written by a newer Tally is left untouched
 * and the store becomes read-only. Blocking file I/O: not for a UI thread.
 *
 * <p><b>Several writers.</b> Every write is a locked read-modify-write ({@link #update}): the writer takes an OS file
 * lock on {@code accounts.json.lock} (held only for the write), re-reads the file under it, applies its change and
 * replaces the file atomically, so command lines, the widget and the settings dialog running at the same time never
 * lose each other's accounts. A writer that cannot get the lock within {@link #lockWait()} fails with
 * {@link StoreBusyException} and changes nothing. Readers take no lock: the atomic replace means they see the old or
 * the new file, never a mix. Thread-safe.
 *
 * <p><b>Untrusted content.</b> The file may have been edited by hand or by another tool, so loading checks it like
 * input: ids and base URLs are checked by the same rules as {@code tally accounts add} (a file that breaks them is
 * kept aside, as when it is damaged), and a label with control, line-break or bidi characters is loaded with those
 * characters shown escaped ({@link UntrustedText}), so it can never drive a terminal or reverse a tooltip.
 */
public final class AccountStore {
    public static final int VERSION = 1;
    public static final String FILE_NAME = "accounts.json";
    /**
     * Fields that had a key of their own before provider-declared fields were kept in {@code "fields"}: the JSON key,
     * then the field id. They are still read (files from earlier versions) and still written next to
     * {@code "fields"}, so an earlier Tally reading a newer file keeps its team id.
     */
    private static final Map<String, String> LEGACY_FIELDS = Map.of("teamId", "team_id");
    /** A few hundred bytes per account; a file far larger than thousands of accounts take is not ours. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private final Path file;
    private final Clock clock;
    private final Duration lockWait;

    /** What loading found: the accounts, a one-line warning if something was wrong, and whether saving is allowed. */
    public record Loaded(List<Account> accounts, Optional<String> warning, boolean writable) {
        public Loaded {
            accounts = List.copyOf(accounts);
        }

        public Optional<Account> find(String id) {
            return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
        }
    }

    public AccountStore(Path configDir, Clock clock) {
        this(configDir, clock, WriteLock.DEFAULT_WAIT);
    }

    /** @param lockWait how long a writer waits for another writer to finish before giving up */
    public AccountStore(Path configDir, Clock clock, Duration lockWait) {
        this.file = configDir.resolve(FILE_NAME);
        this.clock = clock;
        this.lockWait = lockWait;
    }

    public Path file() {
        return file;
    }

    /** How long a writer waits for another one (default {@value WriteLock#DEFAULT_WAIT_SECONDS} s). */
    public Duration lockWait() {
        return lockWait;
    }

    /** Reads the file. Never throws for bad content: that is reported in {@link Loaded#warning()}. */
    public Loaded load() {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return setAside(ConfigPhrase.TOO_LARGE_ACCOUNTS.say(MAX_BYTES / (1024 * 1024)));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(List.of(), Optional.empty(), true);
        } catch (IOException e) {
            return new Loaded(List.of(), Optional.of(ConfigPhrase.ACCOUNTS_UNREADABLE.say(file, whyUnreadable(e))), false);
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
                return new Loaded(List.of(), Optional.of(file + " was written by a newer Tally (format version "
                        + v.asInt() + ", this one reads " + VERSION + "); it is left unchanged — upgrade Tally to use it"), false);
            }
            if (v.asInt() < 1) {
                throw new BadFile(ConfigPhrase.BAD_VERSION.say(v.asInt()));
            }
            JsonNode list = root.get("accounts");
            if (list == null || !list.isArray()) {
                throw new BadFile(ConfigPhrase.NO_ACCOUNTS_LIST.say());
            }
            List<Account> accounts = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode n : list) {
                Account a = read(n);
                if (!ids.add(a.id())) {
                    throw new BadFile(ConfigPhrase.ID_TWICE.say(a.id()));
                }
                accounts.add(a);
            }
            return new Loaded(accounts, Optional.empty(), true);
        } catch (IOException | BadFile | IllegalArgumentException e) {
            // the reason may quote the file's own content (an id, a theme): shown escaped, never raw
            String why = e instanceof BadFile || e instanceof IllegalArgumentException ? UntrustedText.escape(e.getMessage())
                    : ConfigPhrase.NOT_JSON.say();
            return setAside(why);
        }
    }

    private String whyUnreadable(IOException e) {
        if (Files.isDirectory(file)) {
            return ConfigPhrase.IS_A_FOLDER.say();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return ConfigPhrase.PERMISSION_DENIED.say();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Moves a bad file aside; when it cannot be moved, it is not overwritten either (the result is read-only). */
    private Loaded setAside(String why) {
        try {
            Path aside = KeptAside.name(file, clock.instant());
            Files.move(file, aside);
            return new Loaded(List.of(), Optional.of(ConfigPhrase.ACCOUNTS_KEPT_ASIDE.say(file, why, aside.getFileName())), true);
        } catch (IOException e) {
            return new Loaded(List.of(), Optional.of(ConfigPhrase.ACCOUNTS_NOT_MOVED.say(file, why, whyUnreadable(e))), false);
        }
    }

    private static Account read(JsonNode n) throws BadFile {
        if (!n.isObject()) {
            throw new BadFile(ConfigPhrase.ENTRY_NOT_OBJECT.say());
        }
        String id = text(n, "id");
        String provider = text(n, "provider");
        if (id == null || provider == null) {
            throw new BadFile(ConfigPhrase.ENTRY_NO_ID.say());
        }
        String label = UntrustedText.escape(Optional.ofNullable(text(n, "label")).orElse(id));
        String base = text(n, "baseUrl");
        URI baseUrl = null;
        if (base != null) {
            try {
                baseUrl = BaseUrls.parse(base);
            } catch (IllegalArgumentException e) {
                throw new BadFile(ConfigPhrase.BAD_BASE_URL.say(id, UntrustedText.escape(e.getMessage())));
            }
        }
        Money threshold = null;
        JsonNode t = n.get("threshold");
        if (t != null && !t.isNull()) {
            String amount = text(t, "amount");
            String currency = text(t, "currency");
            if (amount == null || currency == null) {
                throw new BadFile(ConfigPhrase.THRESHOLD_INCOMPLETE.say(id));
            }
            try {
                threshold = new Money(new BigDecimal(amount), currency);
            } catch (NumberFormatException e) {
                throw new BadFile(ConfigPhrase.THRESHOLD_NOT_NUMBER.say(id));
            }
        }
        JsonNode interval = n.get("intervalMinutes");
        int minutes = interval == null || interval.isNull() ? Account.DEFAULT_INTERVAL : interval.asInt(-1);
        // an account saved before its provider's default region changed keeps the region it had (SiliconFlow: china)
        return new Account(id, ProviderId.of(provider), label, SavedRegions.whenMissing(ProviderId.of(provider).value(), text(n, "region")),
                baseUrl, fields(n, id), threshold, minutes, keyCommands(n, id), topUps(n, id));
    }

    /** {@code "topUps": [{"amount": "120.00", "currency": "USD", "at": "2026-11-30T00:00:00Z"}]}; absent in older files. */
    private static List<KnownTopUp> topUps(JsonNode n, String id) throws BadFile {
        JsonNode list = n.get("topUps");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new BadFile(ConfigPhrase.TOP_UPS_NOT_LIST.say(id));
        }
        List<KnownTopUp> out = new ArrayList<>();
        for (JsonNode t : list) {
            String amount = text(t, "amount");
            String currency = text(t, "currency");
            String at = text(t, "at");
            if (amount == null || currency == null || at == null) {
                throw new BadFile(ConfigPhrase.TOP_UP_INCOMPLETE.say(id));
            }
            try {
                out.add(new KnownTopUp(new Money(new BigDecimal(amount), currency), Instant.parse(at)));
            } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
                throw new BadFile(ConfigPhrase.TOP_UP_UNREADABLE.say(id));
            }
        }
        return out;
    }

    /** {@code "fields": {"team_id": "…"}}, and the keys of {@link #LEGACY_FIELDS} where {@code "fields"} lacks them. */
    private static Map<String, String> fields(JsonNode n, String id) throws BadFile {
        Map<String, String> out = new TreeMap<>();
        JsonNode f = n.get("fields");
        if (f != null && !f.isNull()) {
            if (!f.isObject()) {
                throw new BadFile(ConfigPhrase.FIELDS_NOT_OBJECT.say(id));
            }
            for (Map.Entry<String, JsonNode> e : f.properties()) {
                if (!e.getValue().isValueNode()) {
                    throw new BadFile(ConfigPhrase.FIELD_NOT_TEXT.say(id, e.getKey()));
                }
                out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        for (Map.Entry<String, String> legacy : LEGACY_FIELDS.entrySet()) {
            String v = text(n, legacy.getKey());
            if (v != null && out.get(legacy.getValue()) == null) {
                out.put(legacy.getValue(), v);
            }
        }
        return out;
    }

    /** {@code "keyCommands": {"api": ["pass", "show", "deepseek"]}}: slot name to program and arguments. */
    private static Map<String, List<String>> keyCommands(JsonNode n, String id) throws BadFile {
        JsonNode c = n.get("keyCommands");
        if (c == null || c.isNull()) {
            return Map.of();
        }
        if (!c.isObject()) {
            throw new BadFile(ConfigPhrase.KEY_COMMANDS_NOT_OBJECT.say(id));
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (var e : c.properties()) {
            if (!e.getValue().isArray()) {
                throw new BadFile(ConfigPhrase.KEY_COMMAND_NOT_LIST.say(id));
            }
            List<String> argv = new ArrayList<>();
            for (JsonNode a : e.getValue()) {
                if (!a.isTextual()) {
                    throw new BadFile(ConfigPhrase.KEY_COMMAND_ARG_NOT_TEXT.say(id));
                }
                argv.add(a.asText());
            }
            out.put(e.getKey(), argv);
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * Changes the accounts in one locked step: takes the write lock, re-reads the file (so a change another process
     * made meanwhile is kept), applies {@code change} to what is there now and replaces the file atomically. An
     * exception thrown by {@code change} (e.g. "no such account") leaves the file untouched and is passed on.
     *
     * @param change gets the accounts as they are on disk now; returns the accounts to save (runs under the lock:
     *               no prompts, no network)
     * @return what was saved
     * @throws StoreBusyException   when another writer held the lock for {@link #lockWait()}; nothing was changed
     * @throws IllegalStateException when the file must not be written (written by a newer Tally, unreadable)
     * @throws UncheckedIOException  when the disk refuses (the old file is then untouched)
     */
    public List<Account> update(UnaryOperator<List<Account>> change) {
        return WriteLock.holding(file, lockWait, () -> {
            Loaded loaded = load();
            if (!loaded.writable()) {
                throw new IllegalStateException(ConfigPhrase.NOT_CHANGING.say(file, loaded.warning().orElse(ConfigPhrase.CANNOT_BE_READ.say())));
            }
            List<Account> next = List.copyOf(change.apply(loaded.accounts()));
            write(next);
            return next;
        });
    }

    /**
     * Replaces the file with exactly these accounts (under the write lock), dropping whatever another writer added
     * meanwhile: prefer {@link #update}. Atomic: a crash leaves either the old or the new file.
     *
     * @throws StoreBusyException  when another writer held the lock for {@link #lockWait()}
     * @throws UncheckedIOException when the disk refuses (the old file is then untouched)
     */
    public void save(List<Account> accounts) {
        WriteLock.holding(file, lockWait, () -> {
            write(accounts);
            return null;
        });
    }

    private void write(List<Account> accounts) {
        ObjectNode root = JsonTrees.object();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("accounts");
        for (Account a : accounts) {
            writeJson(list.addObject(), a);
        }
        try {
            writeAtomically(file, JsonTrees.prettyBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(ConfigPhrase.COULD_NOT_SAVE.say(file, e.getMessage()), e);
        }
    }

    /** An account's settings as JSON fields (the file format; also used by {@code tally accounts list --json}). */
    public static void writeJson(ObjectNode n, Account a) {
        n.put("id", a.id());
        n.put("provider", a.provider().value());
        n.put("label", a.label());
        n.put("region", SavedRegions.toSave(a.provider().value(), a.region()));
        n.put("baseUrl", a.baseUrl() == null ? null : a.baseUrl().toString());
        new TreeMap<>(LEGACY_FIELDS).forEach((key, field) -> n.put(key, a.field(field)));
        ObjectNode fields = n.putObject("fields");
        a.fields().forEach(fields::put);
        if (a.threshold() == null) {
            n.putNull("threshold");
        } else {
            ObjectNode t = n.putObject("threshold");
            t.put("amount", a.threshold().plain());
            t.put("currency", a.threshold().currency());
        }
        n.put("intervalMinutes", a.intervalMinutes());
        if (!a.keyCommands().isEmpty()) {
            ObjectNode c = n.putObject("keyCommands");
            a.keyCommands().forEach((slot, argv) -> argv.forEach(c.putArray(slot)::add));
        }
        if (!a.topUps().isEmpty()) {
            // written only when there is one, so files without top-ups stay as earlier versions wrote them
            ArrayNode topUps = n.putArray("topUps");
            for (KnownTopUp t : a.topUps()) {
                ObjectNode tn = topUps.addObject();
                tn.put("amount", t.amount().plain());
                tn.put("currency", t.amount().currency());
                tn.put("at", t.at().toString());
            }
        }
    }

    /** Temp file in the same folder, fsync, atomic rename, fsync the folder. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeLeftovers(dir, target.getFileName() + ".tmp-");
        Path tmp = dir.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException | UnsupportedOperationException ignored) {
                // folders cannot be opened for sync on every OS; the rename is still atomic
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temp files a killed writer left behind (older than a minute, so never a live writer's). */
    private static void removeLeftovers(Path dir, String prefix) {
        long cutoff = System.currentTimeMillis() - 60_000;
        try (var files = Files.newDirectoryStream(dir, f -> f.getFileName().toString().startsWith(prefix))) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toMillis() < cutoff) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // leftovers are harmless; the write itself will report a real disk problem
        }
    }

    private static final class BadFile extends Exception {
        private static final long serialVersionUID = 1L;

        BadFile(String message) {
            super(message, null, false, false);
        }
    }
}
