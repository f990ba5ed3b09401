package dev.tally.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The app icon as a file a notification server can read, for when no icon theme holds it: the Desktop
 * Notifications spec lets {@code app_icon} be an absolute path. Stateless; any thread.
 */
final class IconFile {
    /** The icon bundled with the app (the same image the window and the tray draw from). */
    static final String RESOURCE = "/dev/tally/ui/icons/tally-64.png";

    private IconFile() {
    }

    /**
     * {@code $XDG_CACHE_HOME/tally/icons/tally-64.png} (default {@code ~/.cache}), written from the bundled image when
     * missing or of another size; its absolute path, or {@code null} when it cannot be written. Never throws.
     */
    static String cached(Map<String, String> env, Path userHome) {
        try (InputStream in = IconFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            byte[] image = in.readAllBytes();
            String cache = env.get("XDG_CACHE_HOME");
            Path dir = (cache != null && !cache.isBlank() ? Path.of(cache) : userHome.resolve(".cache"))
                    .resolve("tally").resolve("icons");
            Path file = dir.resolve("tally-64.png");
            if (!Files.isRegularFile(file) || Files.size(file) != image.length) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "tally-64", ".tmp");
                Files.write(tmp, image);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return file.toAbsolutePath().toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
