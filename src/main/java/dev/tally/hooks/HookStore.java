package dev.tally.hooks;

import dev.tally.core.WriteLock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code hooks.json} in the config folder: the alert hooks, in the order they were added, versioned and written
 * atomically (temp file, fsync, rename). A file that cannot be read is left untouched and reported in one line;
 * there are then no hooks and the store is read-only until it is fixed or removed. Blocking file I/O; read again on
 * every event, so hooks added or removed while Tally runs take effect at once. Thread-safe; writers in several
 * processes (two {@code tally hooks add} at once) take turns through {@link #update}, so neither loses the other's
 * hook.
 */
public final class HookStore {
    public static final int VERSION = 1;
    public static final String FILE_NAME = "hooks.json";
    /** Files larger than this are not read. */
    static final long MAX_SIZE = 1024 * 1024;
    /** Made on first use: a command with no hooks file never pays for Jackson's ObjectMapper at start-up. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    private final Path file;
    private final Duration lockWait;

    /** What loading found: the hooks, a one-line warning if something was wrong, whether saving is allowed. */
    public record Loaded(List<Hook> hooks, Optional<String> warning, boolean writable) {
        public Loaded {
            hooks = List.copyOf(hooks);
        }
    }

    public HookStore(Path configDir) {
        this(configDir, WriteLock.DEFAULT_WAIT);
    }

    /** A store whose writers wait up to {@code lockWait} for another writer (tests make it short). */
    public HookStore(Path configDir, Duration lockWait) {
        this.file = configDir.resolve(FILE_NAME);
        this.lockWait = lockWait;
    }

    public Path file() {
        return file;
    }

    /** Reads the file; never throws for a bad one (see {@link Loaded#warning()}). */
    public synchronized Loaded load() {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_SIZE) {
                return bad("it is larger than 1 MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(List.of(), Optional.empty(), true);
        } catch (IOException e) {
            return bad("it cannot be read: " + e.getMessage());
        }
        try {
            JsonNode root = Mapper.MAPPER.readTree(bytes);
            if (root == null || !root.isObject() || !root.path("version").canConvertToInt()) {
                return bad("it is not a Tally hooks file");
            }
            if (root.get("version").asInt() > VERSION) {
                return new Loaded(List.of(), Optional.of(file + " was written by a newer Tally; its hooks are not run"
                        + " — upgrade Tally"), false);
            }
            List<Hook> hooks = new ArrayList<>();
            for (JsonNode h : root.path("hooks")) {
                List<String> command = new ArrayList<>();
                for (JsonNode a : h.path("command")) {
                    if (!a.isTextual()) {
                        return bad("a hook argument is not text");
                    }
                    command.add(a.asText());
                }
                String event = h.path("event").asText("");
                Optional<String> problem = Hook.problem(event, command);
                if (problem.isPresent()) {
                    return bad(problem.get());
                }
                hooks.add(new Hook(event, command));
            }
            return new Loaded(hooks, Optional.empty(), true);
        } catch (IOException e) {
            return bad("it is not valid JSON");
        }
    }

    private Loaded bad(String why) {
        return new Loaded(List.of(), Optional.of(file + " could not be used (" + why + "); no hooks run until it is "
                + "fixed or removed"), false);
    }

    /** What {@link #update} did: the hooks before and after the change. */
    public record Change(List<Hook> before, List<Hook> after) {
        public Change {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    /**
     * Re-reads the file, computes the new list from the current one and saves it, all while holding the file's
     * write lock (an OS lock, so another Tally process waits its turn). The change sees what another writer saved
     * just before. It may throw to change nothing (its exception passes through).
     *
     * @throws IllegalStateException when the file cannot be used (its warning says why) and nothing was changed
     * @throws dev.tally.core.StoreBusyException when another writer held the lock too long; nothing was changed
     * @throws UncheckedIOException when the disk refuses (the old file is then untouched)
     */
    public Change update(Function<List<Hook>, List<Hook>> change) {
        return WriteLock.holding(file, lockWait, () -> {
            synchronized (this) {
                Loaded now = load();
                if (!now.writable()) {
                    throw new IllegalStateException(now.warning().orElse("not changing " + file));
                }
                List<Hook> after = List.copyOf(change.apply(now.hooks()));
                save(after);
                return new Change(now.hooks(), after);
            }
        });
    }

    /**
     * Replaces the file with these hooks, without reading it first: a concurrent writer's change is lost. Prefer
     * {@link #update}.
     *
     * @throws UncheckedIOException when the disk refuses (the old file is then untouched)
     */
    public synchronized void save(List<Hook> hooks) {
        ObjectNode root = Mapper.MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("hooks");
        for (Hook h : hooks) {
            ObjectNode n = list.addObject();
            n.put("event", h.event());
            ArrayNode c = n.putArray("command");
            h.command().forEach(c::add);
        }
        try {
            writeAtomically(Mapper.MAPPER.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeAtomically(byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE_NAME + ".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
