package dev.tally.cli;

import dev.tally.status.CommandLineText;
import picocli.CommandLine.Option;

/** {@code --plain}, for commands that print amounts as text (a picocli mixin). */
final class TextForm {
    @Option(names = "--plain", description = {"Write amounts as plain exact decimals, as --json has them",
            "(1234.50 CNY, not 1,234.50 CNY), without the LOW and EMPTY marks."})
    boolean plain;

    CommandLineText.Form form() {
        return plain ? CommandLineText.Form.PLAIN : CommandLineText.Form.MARKED;
    }
}
