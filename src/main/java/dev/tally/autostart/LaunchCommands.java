package dev.tally.autostart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Works out the command that started this process, to start it the same way at login. Never throws. */
public final class LaunchCommands {
    /**
     * The system property the {@code tally} launchers set to the command that starts this Tally again: the installed
     * {@code /usr/bin/tally}, the tarball's {@code tally/bin/tally}, or {@code ./tally} in a source folder.
     */
    public static final String LAUNCHER_PROPERTY = "tally.launcher";

    private LaunchCommands() {
    }

    /**
     * The launcher named by {@value #LAUNCHER_PROPERTY} when it is an executable file (so "Launch at login" runs
     * {@code /usr/bin/tally}, not the runtime's {@code java} with a class path into the install folder), else
     * {@link #ofCurrentProcess()}.
     */
    public static Optional<List<String>> forAutostart() {
        return ofLauncher(System.getProperty(LAUNCHER_PROPERTY)).or(LaunchCommands::ofCurrentProcess);
    }

    /** {@code [launcher]} when it names an executable file, else empty. */
    static Optional<List<String>> ofLauncher(String launcher) {
        try {
            if (launcher != null && !launcher.isBlank() && Path.of(launcher).isAbsolute()
                    && Files.isRegularFile(Path.of(launcher)) && Files.isExecutable(Path.of(launcher))) {
                return Optional.of(List.of(launcher));
            }
        } catch (RuntimeException e) {
            // not a usable path
        }
        return Optional.empty();
    }

    /**
     * The program and arguments of the running process (e.g. a packaged {@code Tally} executable, or {@code java}
     * with its class path and flags), or empty when the OS does not report them: Windows does not report the
     * arguments of a {@code java} process, and guessing them would start something else.
     */
    public static Optional<List<String>> ofCurrentProcess() {
        try {
            ProcessHandle.Info info = ProcessHandle.current().info();
            Optional<String> program = info.command();
            if (program.isEmpty()) {
                return Optional.empty();
            }
            Optional<String[]> args = info.arguments();
            String name = Path.of(program.get()).getFileName().toString().toLowerCase(Locale.ROOT);
            boolean javaLauncher = name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
            if (args.isEmpty() && javaLauncher) {
                return Optional.empty();
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(program.get());
            args.ifPresent(a -> cmd.addAll(List.of(a)));
            return Optional.of(List.copyOf(cmd));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
