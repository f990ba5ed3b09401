package dev.tally.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Card links open the provider's page with xdg-open, also where AWT is headless (the SNI tray), without a shell. */
class BrowserTest {
    @TempDir
    Path dir;

    /** A stand-in xdg-open on PATH that writes each argument it got on a line of {@code args.txt}. */
    private Path fakeXdgOpen() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("xdg-open");
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + dir.resolve("args.txt")
                + "\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void opensThePageWithXdgOpenWhenAwtIsHeadless() throws Exception {
        Path bin = fakeXdgOpen();
        Browser b = new Browser(Map.of("PATH", dir.resolve("nothing-here") + ":" + bin), "Linux", false);
        assertTrue(b.canOpen(), "links are offered on an SNI desktop (AWT headless)");
        URI page = URI.create("https://platform.deepseek.com/top_up?from=tally&x=$(touch%20pwned);y");
        b.browse(page).join(10_000);
        assertEquals(List.of(page.toString()), Files.readAllLines(dir.resolve("args.txt"), StandardCharsets.UTF_8),
                "the address reached xdg-open as one argument, untouched");
        assertFalse(Files.exists(dir.resolve("pwned")), "no shell ran the address");
    }

    @Test
    void withoutXdgOpenOrAwtThereIsNoLinkAndNothingStarts() {
        Browser b = new Browser(Map.of("PATH", dir.toString()), "Linux", false);
        assertFalse(b.canOpen(), "no browser: the card shows no link rather than one that does nothing");
        assertNull(b.browse(URI.create("https://openrouter.ai/settings/credits")));
    }

    @Test
    void onlyWebPagesAreOpened() throws Exception {
        Path bin = fakeXdgOpen();
        Browser b = new Browser(Map.of("PATH", bin.toString()), "Linux", false);
        assertNull(b.browse(URI.create("file:///etc/passwd")), "a file address is not handed to the desktop");
        assertFalse(Files.exists(dir.resolve("args.txt")));
    }
}
