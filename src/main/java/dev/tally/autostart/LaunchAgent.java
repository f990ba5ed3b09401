package dev.tally.autostart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A per-user launchd agent {@code ~/Library/LaunchAgents/dev.tally.plist} with {@code RunAtLoad}, which macOS
 * starts at login (and lists under System Settings → General → Login Items). The file is only written or
 * removed: it is not loaded into the running launchd session, which would start a second Tally now.
 * Thread-safe.
 */
public final class LaunchAgent implements Autostart {
    public static final String LABEL = "dev.tally";

    private final Path dir;

    /** @param launchAgentsDir normally {@code ~/Library/LaunchAgents} */
    public LaunchAgent(Path launchAgentsDir) {
        this.dir = launchAgentsDir;
    }

    public Path file() {
        return dir.resolve(LABEL + ".plist");
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public String describe() {
        return AutostartPhrase.LOGIN_ITEM.say(Autostart.shortPath(file()));
    }

    @Override
    public boolean isEnabled() {
        return Files.isRegularFile(file());
    }

    @Override
    public void enable(List<String> command) throws IOException {
        String plist = plist(Autostart.checked(command));
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tally", ".tmp");
            try {
                Files.writeString(tmp, plist, StandardCharsets.UTF_8);
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IOException("could not write " + file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void disable() throws IOException {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new IOException("could not remove " + file() + ": " + e.getMessage(), e);
        }
    }

    static String plist(List<String> command) {
        StringBuilder args = new StringBuilder();
        for (String a : command) {
            args.append("    <string>").append(xml(a)).append("</string>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>%s</string>
                  <key>ProgramArguments</key>
                  <array>
                %s  </array>
                  <key>RunAtLoad</key>
                  <true/>
                  <key>ProcessType</key>
                  <string>Interactive</string>
                </dict>
                </plist>
                """.formatted(LABEL, args);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
