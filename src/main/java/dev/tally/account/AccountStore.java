package dev.tally.account;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.core.KeptAside;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code accounts.json}: versioned, written atomically (temp file, fsync, rename), never holding a key.
 *
 * <p>A file that cannot be read is moved aside to {@code accounts.json.corrupt-<timestamp>} and reported
 * in one line; Tally then carries on with no accounts. A file written by a newer Tally is left untouched
 * and the store becomes read-only. Blocking file I/O: not for a UI thread. Not safe for concurrent
 * writers in several processes (the single-instance lock covers the desktop app).
 */
public final class AccountStore {
    public static final int VERSION = 1;
    public static final String FILE_NAME = "accounts.json";

    /** Built on first use: a missing file (the common first-run case) never pays for Jackson's start-up. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    private final Path file;
    private final Clock clock;

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
        this.file = configDir.resolve(FILE_NAME);
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Reads the file. Never throws for bad content: that is reported in {@link Loaded#warning()}. */
    public Loaded load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(List.of(), Optional.empty(), true);
        } catch (IOException e) {
            return new Loaded(List.of(), Optional.of("cannot read " + file + " (" + whyUnreadable(e)
                    + "); carrying on with no accounts and leaving it untouched — fix its permissions or move it away"), false);
        }
        try {
            JsonNode root = Mapper.MAPPER.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new BadFile("it is not a JSON object");
            }
            JsonNode v = root.get("version");
            if (v == null || !v.canConvertToInt()) {
                throw new BadFile("it has no version number");
            }
            if (v.asInt() > VERSION) {
                return new Loaded(List.of(), Optional.of(file + " was written by a newer Tally (format version "
                        + v.asInt() + ", this one reads " + VERSION + "); it is left unchanged — upgrade Tally to use it"), false);
            }
            if (v.asInt() < 1) {
                throw new BadFile("its version " + v.asInt() + " is not valid");
            }
            JsonNode list = root.get("accounts");
            if (list == null || !list.isArray()) {
                throw new BadFile("it has no accounts list");
            }
            List<Account> accounts = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode n : list) {
                Account a = read(n);
                if (!ids.add(a.id())) {
                    throw new BadFile("account id '" + a.id() + "' appears twice");
                }
                accounts.add(a);
            }
            return new Loaded(accounts, Optional.empty(), true);
        } catch (IOException | BadFile | IllegalArgumentException e) {
            String why = e instanceof BadFile || e instanceof IllegalArgumentException ? e.getMessage()
                    : "it is not valid JSON (truncated or damaged)";
            return setAside(why);
        }
    }

    private String whyUnreadable(IOException e) {
        if (Files.isDirectory(file)) {
            return "it is a folder, not a file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Moves a bad file aside; when it cannot be moved, it is not overwritten either (the result is read-only). */
    private Loaded setAside(String why) {
        try {
            Path aside = KeptAside.name(file, clock.instant());
            Files.move(file, aside);
            return new Loaded(List.of(), Optional.of(file + " could not be read (" + why + "); it was kept as "
                    + aside.getFileName() + " and Tally carries on with no accounts"), true);
        } catch (IOException e) {
            return new Loaded(List.of(), Optional.of(file + " could not be read (" + why + ") and could not be moved aside ("
                    + whyUnreadable(e) + "); it is left untouched and Tally carries on with no accounts"), false);
        }
    }

    private static Account read(JsonNode n) throws BadFile {
        if (!n.isObject()) {
            throw new BadFile("an account entry is not an object");
        }
        String id = text(n, "id");
        String provider = text(n, "provider");
        if (id == null || provider == null) {
            throw new BadFile("an account entry has no id or provider");
        }
        String label = Optional.ofNullable(text(n, "label")).orElse(id);
        String base = text(n, "baseUrl");
        Money threshold = null;
        JsonNode t = n.get("threshold");
        if (t != null && !t.isNull()) {
            String amount = text(t, "amount");
            String currency = text(t, "currency");
            if (amount == null || currency == null) {
                throw new BadFile("account '" + id + "' has a threshold without amount or currency");
            }
            try {
                threshold = new Money(new BigDecimal(amount), currency);
            } catch (NumberFormatException e) {
                throw new BadFile("account '" + id + "' has a threshold that is not a number");
            }
        }
        JsonNode interval = n.get("intervalMinutes");
        int minutes = interval == null || interval.isNull() ? Account.DEFAULT_INTERVAL : interval.asInt(-1);
        return new Account(id, ProviderId.of(provider), label, text(n, "region"),
                base == null ? null : URI.create(base), text(n, "teamId"), threshold, minutes, keyCommands(n, id));
    }

    /** {@code "keyCommands": {"api": ["pass", "show", "deepseek"]}}: slot name to program and arguments. */
    private static java.util.Map<String, List<String>> keyCommands(JsonNode n, String id) throws BadFile {
        JsonNode c = n.get("keyCommands");
        if (c == null || c.isNull()) {
            return java.util.Map.of();
        }
        if (!c.isObject()) {
            throw new BadFile("account '" + id + "' has keyCommands that are not an object");
        }
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
        for (var e : c.properties()) {
            if (!e.getValue().isArray()) {
                throw new BadFile("account '" + id + "' has a key command that is not a list of arguments");
            }
            List<String> argv = new ArrayList<>();
            for (JsonNode a : e.getValue()) {
                if (!a.isTextual()) {
                    throw new BadFile("account '" + id + "' has a key command argument that is not text");
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
     * Replaces the file with these accounts, atomically: a crash leaves either the old or the new file.
     *
     * @throws UncheckedIOException when the disk refuses (the old file is then untouched)
     */
    public void save(List<Account> accounts) {
        ObjectNode root = Mapper.MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("accounts");
        for (Account a : accounts) {
            writeJson(list.addObject(), a);
        }
        try {
            writeAtomically(file, Mapper.MAPPER.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + file + ": " + e.getMessage(), e);
        }
    }

    /** An account's settings as JSON fields (the file format; also used by {@code tally accounts list --json}). */
    public static void writeJson(ObjectNode n, Account a) {
        n.put("id", a.id());
        n.put("provider", a.provider().value());
        n.put("label", a.label());
        n.put("region", a.region());
        n.put("baseUrl", a.baseUrl() == null ? null : a.baseUrl().toString());
        n.put("teamId", a.teamId());
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
