package dev.tally.secret;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Asks the session bus, without the keyring library, whether a Secret Service is there and whether its
 * default collection exists and is unlocked. The keyring library cannot tell these apart (it fails with
 * "Missing peer public key" or a NullPointerException, leaves a non-daemon D-Bus thread behind when there
 * is no daemon, and shows an unlock prompt whenever it meets a locked collection), so the store asks this
 * first: at the probe and before each call.
 *
 * <p>Keeps one D-Bus connection open between checks (a check is then a few local round trips); {@link #close()}
 * releases it, and a failed check drops it so the next one reconnects. Blocking and not thread-safe: use it
 * on the keychain worker thread only ({@link #close()} may also come from the thread closing a stuck store).
 */
final class SecretServiceCheck implements AutoCloseable {
    static final String SECRETS_NAME = "org.freedesktop.secrets";
    private static final String DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default";
    private static final String COLLECTION_INTERFACE = "org.freedesktop.Secret.Collection";
    private static final System.Logger LOG = System.getLogger(SecretServiceCheck.class.getName());

    enum Finding {
        /** A Secret Service with an unlocked default collection. */
        READY,
        /** The default collection exists but is locked. */
        LOCKED,
        /** Nothing owns or can be started as {@code org.freedesktop.secrets}. */
        NO_DAEMON,
        /** The Secret Service has no default collection (no "login" keyring was ever created/unlocked). */
        NO_DEFAULT_COLLECTION
    }

    /**
     * @param provider the program serving the Secret Service as users know it ("GNOME Keyring", "KeePassXC",
     *                 ...), or null when unknown
     */
    record Result(Finding finding, String provider) {
    }

    private final String busAddress;
    private volatile DBusConnection connection;
    private String provider;

    SecretServiceCheck(String busAddress) {
        this.busAddress = busAddress;
    }

    /**
     * @throws DBusException          if the bus cannot be reached
     * @throws DBusExecutionException if the bus answers a call with an unexpected error
     */
    Result run() throws DBusException {
        if (connection == null || !connection.isConnected()) {
            close();
            connection = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build();
        }
        try {
            DBus bus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            boolean running = bus.NameHasOwner(SECRETS_NAME);
            if (!running && !Arrays.asList(bus.ListActivatableNames()).contains(SECRETS_NAME)) {
                return new Result(Finding.NO_DAEMON, null);
            }
            Properties collection = connection.getRemoteObject(SECRETS_NAME, DEFAULT_COLLECTION, Properties.class);
            Boolean locked;
            try {
                locked = collection.Get(COLLECTION_INTERFACE, "Locked");
            } catch (DBusExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "no default collection: {0}", e.getType());
                return new Result(Finding.NO_DEFAULT_COLLECTION, provider(bus));
            }
            return new Result(Boolean.TRUE.equals(locked) ? Finding.LOCKED : Finding.READY, provider(bus));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        DBusConnection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the D-Bus connection: {0}", e.toString());
            }
        }
    }

    /** Who owns org.freedesktop.secrets, read from /proc once; null when it cannot be told. */
    private String provider(DBus bus) {
        if (provider != null) {
            return provider;
        }
        try {
            String owner = bus.GetNameOwner(SECRETS_NAME);
            long pid = bus.GetConnectionUnixProcessID(owner).longValue();
            Path comm = Path.of("/proc", Long.toString(pid), "comm");
            String program = Files.readString(comm, StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
            if (program.startsWith("gnome-keyring")) {
                provider = "GNOME Keyring";
            } else if (program.startsWith("keepassxc")) {
                provider = "KeePassXC";
            } else if (program.startsWith("kwalletd") || program.startsWith("ksecretd")) {
                provider = "KWallet";
            } else if (!program.isEmpty()) {
                provider = program;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot tell who provides the Secret Service: {0}", e.toString());
        }
        return provider;
    }
}
