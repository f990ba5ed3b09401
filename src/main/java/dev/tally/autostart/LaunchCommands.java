package dev.tally.autostart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Works out the command that started this process, to start it the same way at login. Never throws. */
public final class LaunchCommands {
    private LaunchCommands() {
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
