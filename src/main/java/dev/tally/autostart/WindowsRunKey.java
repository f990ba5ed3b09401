package dev.tally.autostart;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The value {@code Tally} under {@code HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run}, which
 * Windows runs at login (and lists in Task Manager → Startup apps).
 *
 * <p>Why the Run key and not a Startup-folder file: a {@code .lnk} needs a binary shell-link writer, and a
 * {@code .cmd} file opens a console window at every login; a Run value starts the program directly.
 * Why {@code reg import} of a generated {@code .reg} file rather than {@code reg add /d "..."}: the value holds
 * quoted paths, and passing quotes inside one argument through Java's Windows command-line quoting to
 * {@code reg.exe} is ambiguous; a {@code .reg} file has one exact escaping rule. The file is UTF-16LE with a BOM
 * (what {@code regedit} writes), so any path survives. No administrator rights are needed for HKCU.
 *
 * <p>Known limit: if the user turns Tally off in Task Manager → Startup apps, Windows keeps the Run value and marks
 * it in {@code StartupApproved}; {@link #isEnabled()} still says enabled then. Not tested on Windows here (the
 * quoting and the {@code .reg} file are tested). Thread-safe.
 */
public final class WindowsRunKey implements Autostart {
    static final String KEY = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String VALUE = "Tally";
    private static final Duration REG_TIMEOUT = Duration.ofSeconds(10);

    /** Runs a program and returns its exit code; {@link IOException} when it cannot be started or does not finish. */
    @FunctionalInterface
    interface Commands {
        int run(List<String> argv) throws IOException;
    }

    private final Path regExe;
    private final Path tempDir;
    private final Commands commands;

    WindowsRunKey(Path regExe, Path tempDir, Commands commands) {
        this.regExe = regExe;
        this.tempDir = tempDir;
        this.commands = commands;
    }

    /** {@code %SystemRoot%\System32\reg.exe}, temporary files in {@code java.io.tmpdir}. */
    static WindowsRunKey system(Map<String, String> env) {
        String root = env.getOrDefault("SystemRoot", "C:\\Windows");
        return new WindowsRunKey(Path.of(root, "System32", "reg.exe"), Path.of(System.getProperty("java.io.tmpdir")),
                WindowsRunKey::runProcess);
    }

    @Override
    public boolean isSupported() {
        return Files.isRegularFile(regExe);
    }

    @Override
    public String describe() {
        return isSupported() ? AutostartPhrase.RUN_KEY.say(VALUE, KEY.replace("HKEY_CURRENT_USER", "HKCU"))
                : AutostartPhrase.RUN_KEY_TOOL_MISSING.say(regExe);
    }

    @Override
    public boolean isEnabled() {
        try {
            return commands.run(List.of(regExe.toString(), "query", KEY, "/v", VALUE)) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void enable(List<String> command) throws IOException {
        importReg(regFile(commandLine(Autostart.checked(command))), "add");
    }

    @Override
    public void disable() throws IOException {
        if (isEnabled()) {
            importReg(regFile(null), "remove");
        }
    }

    private void importReg(String content, String what) throws IOException {
        Path file = Files.createTempFile(tempDir, "tally-autostart-", ".reg");
        try {
            ByteBuffer bytes = StandardCharsets.UTF_16LE.encode("\uFEFF" + content);
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            Files.write(file, b);
            int code = commands.run(List.of(regExe.toString(), "import", file.toString()));
            if (code != 0) {
                throw new IOException("could not " + what + " the " + VALUE + " value in " + KEY + " (reg import exited with " + code + ")");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A {@code .reg} file that sets the value to {@code commandLine}, or deletes it when {@code null}. */
    static String regFile(String commandLine) {
        String data = commandLine == null ? "-" : "\"" + commandLine.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return "Windows Registry Editor Version 5.00\r\n\r\n[" + KEY + "]\r\n\"" + VALUE + "\"=" + data + "\r\n";
    }

    /** The command as one Windows command line, each argument quoted the way the C runtime splits it again. */
    static String commandLine(List<String> command) {
        return command.stream().map(WindowsRunKey::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\u000b')) {
            return arg;
        }
        StringBuilder sb = new StringBuilder("\"");
        int backslashes = 0;
        for (char c : arg.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                sb.append("\\".repeat(backslashes * 2 + 1));
            } else {
                sb.append("\\".repeat(backslashes));
            }
            backslashes = 0;
            sb.append(c);
        }
        // backslashes before the closing quote are doubled so they stay backslashes
        sb.append("\\".repeat(backslashes * 2));
        return sb.append('"').toString();
    }

    private static int runProcess(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(REG_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(argv.getFirst() + " did not finish within " + REG_TIMEOUT.toSeconds() + " s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while waiting for " + argv.getFirst());
        }
    }
}
