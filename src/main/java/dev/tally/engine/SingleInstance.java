package dev.tally.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Keeps one desktop Tally per data folder. The first launch holds an OS file lock on
 * {@code <data>/tally.lock} and listens on a loopback port that it writes, with a random token, to
 * {@code <data>/tally.port} (readable by the owner only). A later launch fails to take the lock, connects,
 * sends {@code show <token>}, and its caller exits; the running instance then calls its {@code onShow} callback.
 *
 * <p>The lock is the truth: it is released by the OS when a process dies, so a port file left by a dead
 * instance is simply overwritten by the next first launch, and a launch that finds the lock taken retries the
 * port file for a moment (the holder may still be starting). The lock file itself is never deleted (deleting it
 * would let two processes lock different files).
 *
 * <p>Threads: {@link #claim} blocks (at most about {@link #CONNECT_WINDOW} when another instance holds the lock).
 * {@code onShow} runs on the daemon thread {@code tally-single-instance}; hop to the UI thread yourself. A
 * failing callback is logged. {@link #close()} stops listening and releases the lock.
 */
public final class SingleInstance implements AutoCloseable {
    public static final String LOCK_FILE = "tally.lock";
    public static final String PORT_FILE = "tally.port";
    /** How long a second launch keeps trying to reach the instance that holds the lock. */
    public static final Duration CONNECT_WINDOW = Duration.ofSeconds(3);
    static final String SHOW = "show";
    private static final int IO_TIMEOUT_MS = 1000;
    private static final int MAX_LINE = 200;
    private static final System.Logger LOG = System.getLogger(SingleInstance.class.getName());

    /** What {@link #claim} found. */
    public sealed interface Claim permits Primary, Secondary {
    }

    /** This process is the one instance; keep {@code instance} open while running, close it on quit. */
    public record Primary(SingleInstance instance) implements Claim {
    }

    /**
     * Another process is the instance; exit.
     *
     * @param delivered true when it acknowledged the request to show its window
     */
    public record Secondary(boolean delivered) implements Claim {
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Path portFile;
    private final String token;
    private final Runnable onShow;
    private final Thread listener;

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket server, Path portFile, String token,
                           Runnable onShow) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.portFile = portFile;
        this.token = token;
        this.onShow = onShow;
        this.listener = Thread.ofPlatform().name("tally-single-instance").daemon().unstarted(this::listen);
    }

    /**
     * Becomes the one instance for {@code dataDir}, or asks the running one to show its window.
     *
     * @param dataDir the data folder (created if missing)
     * @param onShow  called on the {@code tally-single-instance} thread each time a later launch asks to show
     * @throws IOException when the folder or lock file cannot be used (e.g. read-only, or a file system without
     *                     locks); the caller may then run without the single-instance guarantee
     */
    public static Claim claim(Path dataDir, Runnable onShow) throws IOException {
        Objects.requireNonNull(onShow, "onShow");
        Files.createDirectories(dataDir);
        FileLock lock = tryLock(dataDir.resolve(LOCK_FILE));
        if (lock == null) {
            return new Secondary(askRunningInstance(dataDir.resolve(PORT_FILE)));
        }
        FileChannel channel = lock.channel();
        ServerSocket server = null;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            String token = HexFormat.of().formatHex(randomBytes());
            Path portFile = dataDir.resolve(PORT_FILE);
            writePortFile(portFile, server.getLocalPort(), token);
            SingleInstance instance = new SingleInstance(channel, lock, server, portFile, token, onShow);
            instance.listener.start();
            return new Primary(instance);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            lock.release();
            channel.close();
            throw e;
        }
    }

    /**
     * Opens (creating it if missing) and locks {@code lockFile}: the lock, whose {@link FileLock#channel()} the
     * holder closes when done, or {@code null} (nothing left open) when another process, or another channel in
     * this JVM, holds it. Also used by {@link EngineLock}.
     *
     * @throws IOException when the file cannot be opened or locked (e.g. a file system without locks)
     */
    static FileLock tryLock(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            channel.close();
            return null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static void writePortFile(Path portFile, int port, String token) throws IOException {
        Path tmp = portFile.resolveSibling(PORT_FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, port + " " + token + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean askRunningInstance(Path portFile) {
        long deadline = System.nanoTime() + CONNECT_WINDOW.toNanos();
        while (true) {
            if (tryAsk(portFile)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                LOG.log(System.Logger.Level.WARNING, "another Tally holds the lock but did not answer");
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static boolean tryAsk(Path portFile) {
        String[] parts;
        int port;
        try {
            parts = Files.readString(portFile, StandardCharsets.US_ASCII).strip().split(" ");
            port = Integer.parseInt(parts[0]);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return false;
        }
        if (parts.length != 2 || port < 1 || port > 65535) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), IO_TIMEOUT_MS);
            s.setSoTimeout(IO_TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            out.write((SHOW + " " + parts[1] + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = readLine(s);
            return "ok".equals(reply);
        } catch (IOException e) {
            return false;
        }
    }

    private void listen() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(IO_TIMEOUT_MS);
                String line = readLine(s);
                if (!(SHOW + " " + token).equals(line)) {
                    continue;
                }
                s.getOutputStream().write("ok\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            } catch (SocketException e) {
                if (server.isClosed()) {
                    return;
                }
                LOG.log(System.Logger.Level.DEBUG, "single-instance connection dropped: {0}", e.toString());
                continue;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "single-instance connection dropped: {0}", e.toString());
                continue;
            }
            try {
                onShow.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "show request failed", e);
            }
        }
    }

    /** One line of at most {@value #MAX_LINE} characters, or {@code null}. */
    private static String readLine(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (sb.length() >= MAX_LINE) {
                return null;
            }
            sb.append((char) c);
        }
        return c == -1 && sb.isEmpty() ? null : sb.toString();
    }

    /** The loopback port this instance listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** Stops listening, removes the port file and releases the lock. Idempotent. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the single-instance socket: {0}", e.toString());
        }
        try {
            String content = Files.readString(portFile, StandardCharsets.US_ASCII);
            if (content.contains(token)) {
                Files.deleteIfExists(portFile);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "port file not removed: {0}", e.toString());
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "releasing the single-instance lock: {0}", e.toString());
        }
    }
}
