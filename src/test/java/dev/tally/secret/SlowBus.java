package dev.tally.secret;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A D-Bus socket in front of a real session bus ({@link PrivateBus}) that holds back everything clients send while
 * its gate is shut: a Secret Service that does not answer, as on a machine too busy to answer or while the keyring
 * starts after login, without any timing guesses. Answers flow freely; bytes held back are delivered in order once
 * the gate opens. The gate starts shut. Ends its threads and sockets on {@link #close()}.
 */
public final class SlowBus implements AutoCloseable {
    private final PrivateBus bus;
    private final Path socket;
    private final Path target;
    private final ServerSocketChannel server;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(1);

    private SlowBus(PrivateBus bus, Path socket, Path target, ServerSocketChannel server) {
        this.bus = bus;
        this.socket = socket;
        this.target = target;
        this.server = server;
    }

    /** A shut gate in front of {@code bus}, listening in {@code dir}. */
    public static SlowBus inFrontOf(PrivateBus bus, Path dir) throws IOException {
        String address = bus.env().get("DBUS_SESSION_BUS_ADDRESS");
        String path = address.substring(address.indexOf("unix:path=") + "unix:path=".length());
        if (path.contains(",")) {
            path = path.substring(0, path.indexOf(','));
        }
        Path socket = dir.resolve("slow-bus");
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        SlowBus slow = new SlowBus(bus, socket, Path.of(path), server);
        Thread.ofPlatform().daemon().name("slow-bus-accept").start(slow::accept);
        return slow;
    }

    /** The bus's environment, with the session bus address pointing here. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>(bus.env());
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socket);
        return env;
    }

    /** Lets everything through, including what was held back. */
    public void openGate() {
        gate.countDown();
    }

    /** Holds back what clients send from now on. */
    public void shutGate() {
        gate = new CountDownLatch(1);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
                open.add(client);
                open.add(upstream);
                Thread.ofPlatform().daemon().name("slow-bus-up").start(() -> pump(client, upstream, true));
                Thread.ofPlatform().daemon().name("slow-bus-down").start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to, boolean gated) {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buf) >= 0) {
                if (gated) {
                    gate.await();
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    to.write(buf);
                }
                buf.clear();
            }
        } catch (IOException e) {
            // one side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        gate.countDown();
        server.close();
        for (SocketChannel c : open) {
            closeQuietly(c);
        }
        Files.deleteIfExists(socket);
    }
}
