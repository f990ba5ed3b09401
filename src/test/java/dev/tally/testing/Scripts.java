package dev.tally.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Helper programs written by a test: small {@code /bin/sh} scripts, made executable. */
public final class Scripts {
    private Scripts() {
    }

    /** Skips the test where there is no {@code /bin/sh} to run helper scripts with. */
    public static void assumeShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "helper scripts need /bin/sh (not on this OS)");
    }

    /** Writes {@code dir/name} with a {@code #!/bin/sh} line and {@code body}, executable; returns its path. */
    public static Path write(Path dir, String name, String body) {
        assumeShell();
        Path p = dir.resolve(name);
        try {
            Files.writeString(p, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** How many lines a counter file has (each run of a counting script adds one); 0 when it does not exist. */
    public static int count(Path file) {
        try {
            return Files.exists(file) ? (int) Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
