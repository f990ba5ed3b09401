package dev.tally.cli;

import dev.tally.status.CommandLineText;
import picocli.CommandLine.Option;

/**
 * {@code --plain}, for commands that print amounts as text (a picocli mixin). {@code balance} and {@code status}
 * declare the same option themselves, with {@link #PLAIN_0} and {@link #PLAIN_1}: a mixin is one more annotation type
 * for the JDK to make a proxy class of at their start-up.
 */
final class TextForm {
    static final String PLAIN_0 = "Write amounts as plain exact decimals, as --json has them";
    static final String PLAIN_1 = "(1234.50 CNY, not 1,234.50 CNY), without the LOW and EMPTY marks.";

    @Option(names = "--plain", description = {PLAIN_0, PLAIN_1})
    boolean plain;

    CommandLineText.Form form() {
        return form(plain);
    }

    static CommandLineText.Form form(boolean plain) {
        return plain ? CommandLineText.Form.PLAIN : CommandLineText.Form.MARKED;
    }
}
