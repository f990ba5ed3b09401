package dev.tally.autostart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LaunchCommandsTest {
    @TempDir
    Path dir;

    @Test
    void theInstalledLauncherIsWhatStartsAtLogin() throws Exception {
        Path launcher = dir.resolve("bin/tally");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, "#!/bin/sh\n");
        assumeTrue(launcher.toFile().setExecutable(true), "cannot make a file executable here");
        Optional<List<String>> cmd = LaunchCommands.ofLauncher(launcher.toString());
        assertEquals(Optional.of(List.of(launcher.toString())), cmd);

        XdgAutostart autostart = new XdgAutostart(dir.resolve("autostart"));
        autostart.enable(cmd.orElseThrow());
        List<String> entry = Files.readAllLines(autostart.file(), StandardCharsets.UTF_8);
        assertTrue(entry.contains("Exec=" + launcher), "the entry runs the launcher itself: " + entry);
    }

    @Test
    void aLauncherThatIsNotThereOrNotRunnableIsNotUsed() throws Exception {
        Path plain = Files.writeString(dir.resolve("tally"), "not a program");
        assumeTrue(!Files.isExecutable(plain), "files here are executable by default");
        assertEquals(Optional.empty(), LaunchCommands.ofLauncher(plain.toString()));
        assertEquals(Optional.empty(), LaunchCommands.ofLauncher(dir.resolve("missing").toString()));
        assertEquals(Optional.empty(), LaunchCommands.ofLauncher("bin/tally"));
        assertEquals(Optional.empty(), LaunchCommands.ofLauncher(""));
        assertEquals(Optional.empty(), LaunchCommands.ofLauncher(null));
    }
}
