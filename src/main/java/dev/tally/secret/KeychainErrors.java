package dev.tally.secret;

import com.github.javakeyring.PasswordAccessException;

/** How java-keyring's failures are read and told: "no such entry" on each OS, and a short summary of a cause. */
final class KeychainErrors {
    private KeychainErrors() {
    }

    /** java-keyring's "no such entry" on each OS (Secret Service, macOS, Windows ERROR_NOT_FOUND). */
    static boolean isMissing(PasswordAccessException e) {
        String m = e.getMessage();
        return m != null && (m.startsWith("No stored credentials") || m.startsWith("No password to delete")
                || m.equals("Password not Found") || m.equals("Error code 1168"));
    }

    /** The exception type and message of the root cause, e.g. "DBusException: Failed to connect". */
    static String summary(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = describe(t);
        String bottom = describe(root);
        return root == t || top.equals(bottom) ? top : top + " (" + bottom + ")";
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }
}
