package dev.tally.secret;

import dev.tally.core.Text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the D-Bus session bus address without touching the bus, so a missing bus is reported at once
 * (the keyring library would take a few hundred milliseconds and hide the cause).
 *
 * <p>Order, as libdbus and sd-bus do it: {@code DBUS_SESSION_BUS_ADDRESS}, else the systemd user bus socket
 * {@code $XDG_RUNTIME_DIR/bus}. A {@code unix:path=} socket that does not exist is reported as missing.
 */
final class SessionBus {
    static final String ADDRESS_VARIABLE = "DBUS_SESSION_BUS_ADDRESS";

    /** Either an address to connect to or the reason there is none. */
    record Lookup(String address, Text problem) {
        boolean found() {
            return address != null;
        }
    }

    private SessionBus() {
    }

    static Lookup find(Map<String, String> env) {
        String address = env.get(ADDRESS_VARIABLE);
        if (address == null || address.isBlank()) {
            String runtimeDir = env.get("XDG_RUNTIME_DIR");
            if (runtimeDir != null && !runtimeDir.isBlank()) {
                Path socket = Path.of(runtimeDir, "bus");
                if (Files.exists(socket)) {
                    return new Lookup("unix:path=" + socket, null);
                }
                return new Lookup(null, KeychainPhrase.NO_SESSION_BUS.text(KeychainPhrase.BUS_UNSET_NO_SOCKET.text(ADDRESS_VARIABLE, socket)));
            }
            return new Lookup(null, KeychainPhrase.NO_SESSION_BUS.text(KeychainPhrase.BUS_UNSET.text(ADDRESS_VARIABLE)));
        }
        Text firstProblem = null;
        for (String candidate : address.split(";")) {
            Text problem = problemWith(candidate.strip());
            if (problem == null) {
                return new Lookup(candidate.strip(), null);
            }
            if (firstProblem == null) {
                firstProblem = problem;
            }
        }
        return new Lookup(null, KeychainPhrase.NO_SESSION_BUS.text(firstProblem));
    }

    /** Null if the address may work; otherwise why it cannot. */
    private static Text problemWith(String address) {
        int colon = address.indexOf(':');
        if (colon <= 0) {
            return KeychainPhrase.BUS_NOT_AN_ADDRESS.text(ADDRESS_VARIABLE);
        }
        String transport = address.substring(0, colon);
        if (!transport.equals("unix") && !transport.equals("tcp")) {
            return KeychainPhrase.BUS_TRANSPORT.text(transport, ADDRESS_VARIABLE);
        }
        if (transport.equals("unix")) {
            for (String pair : address.substring(colon + 1).split(",")) {
                if (pair.startsWith("path=")) {
                    String path = unescape(pair.substring("path=".length()));
                    try {
                        if (!Files.exists(Path.of(path))) {
                            return KeychainPhrase.BUS_NO_SOCKET.text(path);
                        }
                    } catch (InvalidPathException e) {
                        return KeychainPhrase.BUS_BAD_PATH.text(ADDRESS_VARIABLE);
                    }
                }
            }
        }
        return null;
    }

    /** D-Bus addresses escape bytes as %XX. */
    private static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] out = new byte[value.length()];
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out[n++] = (byte) (hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out[n++] = (byte) c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
