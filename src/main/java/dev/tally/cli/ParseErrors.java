package dev.tally.cli;

import dev.tally.core.Language;
import dev.tally.core.Messages;
import picocli.CommandLine;

import java.util.List;

/**
 * picocli's parse errors in the current language. picocli writes its own messages in English; in English they are
 * shown as picocli wrote them, in another language the kinds people meet most (a missing option or argument, a
 * missing or invalid value, an unknown option or argument) are said in {@link CliPhrase}'s words and any other kind
 * keeps picocli's sentence. Stateless and thread-safe.
 */
final class ParseErrors {
    private ParseErrors() {
    }

    static String say(CommandLine.ParameterException ex) {
        String english = ex.getMessage();
        if (Messages.language() == Language.ENGLISH) {
            return english;
        }
        String msg = english == null ? "" : english;
        if (ex instanceof CommandLine.MissingParameterException m) {
            if (msg.startsWith("Missing required parameter for ") && !m.getMissing().isEmpty()) {
                return CliPhrase.MISSING_VALUE.say(name(m.getMissing().getFirst()));
            }
            if (!m.getMissing().isEmpty()) {
                return CliPhrase.MISSING_PARAMETER.say(String.join(", ", m.getMissing().stream().map(ParseErrors::name).toList()));
            }
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            List<String> unmatched = u.getUnmatched();
            return u.isUnknownOption() ? CliPhrase.UNKNOWN_OPTION.say(unmatched.getFirst())
                    : CliPhrase.UNKNOWN_ARGUMENT.say(String.join(" ", unmatched));
        }
        if (msg.startsWith("Invalid value for ") && ex.getArgSpec() != null && ex.getValue() != null) {
            return CliPhrase.BAD_VALUE.say(name(ex.getArgSpec()), ex.getValue());
        }
        return CliPhrase.OTHER_PARSE_ERROR.say(msg);
    }

    /** {@code --region REGION} for an option, {@code ACCOUNT} for a positional parameter. */
    private static String name(CommandLine.Model.ArgSpec a) {
        if (a instanceof CommandLine.Model.OptionSpec o) {
            return o.arity().max() == 0 ? o.longestName() : o.longestName() + " " + o.paramLabel();
        }
        return a.paramLabel();
    }
}
