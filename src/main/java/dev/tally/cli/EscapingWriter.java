package dev.tally.cli;

import dev.tally.core.UntrustedText;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The terminal printer's last line of defence: everything the command line prints passes through here, and any
 * control, line-separator or bidi character except the line breaks and tabs Tally writes itself is shown escaped
 * ({@link UntrustedText}). Tally's own wording never contains such characters, so whatever is escaped came from
 * outside (a hand-edited {@code accounts.json}, a provider's answer, an old history row), and it can never clear the
 * screen, retitle the terminal or fake an output line. Not thread-safe beyond what the wrapped writer offers.
 */
final class EscapingWriter extends FilterWriter {
    /** Carriage returns are Tally's own only where lines end with CR LF (Windows). */
    private static final boolean CR_IS_LINE_END = System.lineSeparator().indexOf('\r') >= 0;

    EscapingWriter(Writer out) {
        super(out);
    }

    private static boolean passes(char c) {
        return c == '\n' || c == '\t' || (c == '\r' && CR_IS_LINE_END) || !UntrustedText.isUnsafe(c);
    }

    @Override
    public void write(int c) throws IOException {
        if (passes((char) c)) {
            out.write(c);
        } else {
            out.write(UntrustedText.escaped((char) c));
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (!passes(buf[i])) {
                out.write(buf, start, i - start);
                out.write(UntrustedText.escaped(buf[i]));
                start = i + 1;
            }
        }
        out.write(buf, start, end - start);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }
}
