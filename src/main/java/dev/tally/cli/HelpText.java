package dev.tally.cli;

import dev.tally.core.Language;
import dev.tally.core.Messages;
import picocli.CommandLine;

import java.util.ResourceBundle;

/**
 * The help texts ({@code --help}, {@code tally help CMD}) in the current language. The English is in the
 * commands' annotations; a translation is the bundle {@code dev/tally/cli/help_zh_CN.properties} in picocli's keys
 * ({@code tally.balance.usage.description}, {@code tally.balance.json} for {@code --json}, unqualified keys such as
 * {@code help} for what every command shares). A text without a translation stays English. In English no bundle is
 * read. Stateless and thread-safe.
 */
final class HelpText {
    static final String BUNDLE = "dev.tally.cli.help";

    private HelpText() {
    }

    /** Gives {@code cl} and the subcommands it has now the help bundle of the current language, if it has one. */
    static void translate(CommandLine cl) {
        if (Messages.language() == Language.SIMPLIFIED_CHINESE) {
            cl.setResourceBundle(bundle(Language.SIMPLIFIED_CHINESE));
        }
    }

    /** The bundle of {@code language}'s help texts alone (no fallback to the JVM's locale). */
    static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(), HelpText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
