package dev.tally.cli;

import dev.tally.core.Language;
import dev.tally.core.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code tally --help} (and {@code -h}) as the build rendered it: the build runs {@link #main} after compiling, which
 * prints the root help of every language through picocli exactly as a run would and keeps each text beside this
 * class ({@code root-help-en.txt}, {@code root-help-zh-CN.txt}). A run then prints that text without building
 * picocli's model, whose reading of the annotations (the JDK makes a proxy class for each annotation type, run
 * interpreted) was most of what {@code tally --help} cost. Where no such text exists (classes not built by Maven),
 * picocli renders the help as before. Stateless.
 */
public final class RootHelp {
    /** While the build renders the texts, {@link Cli} must not print an old one. */
    private static volatile boolean rendering;

    private RootHelp() {
    }

    static String file(Language language) {
        return "root-help-" + language.tag() + ".txt";
    }

    /** The rendered root help of the current language, or {@code null}. */
    static byte[] rendered() {
        if (rendering) {
            return null;
        }
        try (InputStream in = RootHelp.class.getResourceAsStream(file(Messages.language()))) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** Renders the root help of every language into the folder {@code args[0]} (the build's classes folder). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        rendering = true;
        for (Language language : Language.values()) {
            if (language == Language.SYSTEM) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
            PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
            Map<String, String> env = Map.of(Language.ENV, language.tag(), "TALLY_KEYCHAIN", "off");
            int code = Cli.run(new Cli.Io(env, InputStream.nullInputStream(), o, e, Clock.systemUTC()), "--help");
            if (code != Cli.OK || err.size() > 0) {
                throw new UncheckedIOException(new IOException("tally --help (" + language.tag() + ") exited " + code
                        + ": " + err.toString(StandardCharsets.UTF_8)));
            }
            Files.write(dir.resolve(file(language)), out.toByteArray());
        }
    }
}
