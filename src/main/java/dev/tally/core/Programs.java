package dev.tally.core;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding a program the way a shell would, without one. Stateless; any thread (a few file checks). */
public final class Programs {
    private Programs() {
    }

    /**
     * Where {@code program} is: itself when it names a path ({@code /usr/bin/op}), else the first executable file of
     * that name in a folder of {@code path} (the {@code PATH} variable, may be {@code null}).
     */
    public static Optional<Path> find(String program, String path) {
        if (program.contains("/") || program.contains("\\")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
