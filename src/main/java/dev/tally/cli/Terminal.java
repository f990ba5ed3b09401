package dev.tally.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The person at the keyboard, when standard input is a terminal: asks for a key without echoing it, or for a
 * yes/no answer. Blocking; command threads only.
 *
 * <p>{@link System#console()} is only there when standard input <em>and</em> output are both a terminal. When
 * output goes to a pipe or file ({@code tally keys set x > log}) but input is still the keyboard, echo is
 * switched off with {@code stty} on Unix-like systems instead, so a typed key never appears on the screen.
 */
public interface Terminal {
    /** Reads one line without echo, after showing {@code prompt}; {@code null} at end of input. */
    char[] readHidden(String prompt) throws IOException;

    /** Reads one line (echoed), after showing {@code prompt}; {@code null} at end of input. */
    String readLine(String prompt) throws IOException;

    /** The terminal of this process, or {@code null} when standard input is not one (a pipe, a file). */
    static Terminal system(InputStream stdin, PrintWriter prompts) {
        Console c = System.console();
        if (c != null) {
            return new Terminal() {
                @Override
                public char[] readHidden(String prompt) {
                    return c.readPassword("%s", prompt);
                }

                @Override
                public String readLine(String prompt) {
                    return c.readLine("%s", prompt);
                }
            };
        }
        if (!Stty.stdinIsTerminal()) {
            return null;
        }
        return new Stty(stdin, prompts);
    }

    /** Standard input is a terminal but output is not: echo switched off and on again with {@code stty}. */
    final class Stty implements Terminal {
        private final InputStream in;
        private final PrintWriter prompts;

        Stty(InputStream in, PrintWriter prompts) {
            this.in = in;
            this.prompts = prompts;
        }

        /** {@code test -t 0} in a shell that shares our standard input: false on Windows or when unsure. */
        static boolean stdinIsTerminal() {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                return false;
            }
            return run("sh", "-c", "test -t 0");
        }

        private static boolean run(String... command) {
            try {
                Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public char[] readHidden(String prompt) throws IOException {
            if (!run("stty", "-echo")) {
                throw new IOException("could not switch off echo on this terminal (stty -echo failed); "
                        + "pipe the key in instead, e.g. 'pass show x | tally keys set ACCOUNT'");
            }
            Thread restore = new Thread(() -> run("stty", "echo"), "tally-restore-echo");
            Runtime.getRuntime().addShutdownHook(restore);
            try {
                prompts.print(prompt);
                prompts.flush();
                String line = line();
                return line == null ? null : line.toCharArray();
            } finally {
                run("stty", "echo");
                prompts.println();
                prompts.flush();
                try {
                    Runtime.getRuntime().removeShutdownHook(restore);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            }
        }

        @Override
        public String readLine(String prompt) throws IOException {
            prompts.print(prompt);
            prompts.flush();
            return line();
        }

        /** One line, byte by byte so nothing after it is consumed; the terminal's charset. */
        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                bytes.write(b);
                if (bytes.size() > 64 * 1024) {
                    throw new IOException("that line is longer than 64 KiB");
                }
            }
            if (b == -1 && bytes.size() == 0) {
                return null;
            }
            String s = bytes.toString(charset());
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        private static Charset charset() {
            String enc = System.getProperty("stdin.encoding");
            try {
                return enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }
    }
}
