package dev.tally.status;

import dev.tally.core.FetchError;
import dev.tally.core.Remedy;
import dev.tally.provider.AccountField;

import java.util.List;

/**
 * A {@link FetchError}'s message with its {@link Remedy} said the way of one front end: the command line names the
 * exact command ({@code tally keys set deepseek-work}, {@code tally accounts edit ID --some-id SOME_ID}), the widget
 * where to click ("enter the key in Settings", "check Settings → Region"), the settings window the field right there
 * ("enter the <field label> above"). Stateless and thread-safe.
 */
public final class Remedies {
    /** Who reads the text. */
    public enum Front {
        /** {@code tally} commands, their {@code --json} messages and the history they record. */
        COMMAND_LINE,
        /** The cards, the tray and notifications. */
        DESKTOP,
        /** The settings window, where the account's fields are shown above the message. */
        SETTINGS
    }

    private Remedies() {
    }

    /** What happened and what to do, for the command line. */
    public static String commandLine(FetchError e) {
        return detail(e, Front.COMMAND_LINE);
    }

    /** What happened and what to do, for the widget, the tray and notifications. */
    public static String desktop(FetchError e) {
        return detail(e, Front.DESKTOP);
    }

    /** What happened and what to do, for the settings window. */
    public static String inSettings(FetchError e) {
        return detail(e, Front.SETTINGS);
    }

    /** {@code e}'s message followed by its remedy as {@code front} says it. */
    public static String detail(FetchError e, Front front) {
        return say(e.message(), e.remedy(), front);
    }

    /** {@code happened} followed by {@code remedy} as {@code front} says it; {@code happened} alone when nothing is to be done. */
    public static String say(String happened, Remedy remedy, Front front) {
        return switch (remedy) {
            case Remedy.None n -> happened;
            case Remedy.Wait w -> happened;
            case Remedy.CheckRegion c -> switch (front) {
                case COMMAND_LINE -> Phrase.CLI_CHECK_REGION.say(happened);
                case DESKTOP -> Phrase.DESKTOP_CHECK_REGION.say(happened);
                case SETTINGS -> Phrase.SETTINGS_CHECK_REGION.say(happened);
            };
            case Remedy.SetKey k -> setKey(happened, k, front);
            case Remedy.SetField f -> setField(happened, f, front);
        };
    }

    private static String setKey(String happened, Remedy.SetKey k, Front front) {
        boolean env = !k.envVars().isEmpty();
        String vars = either(k.envVars());
        return switch (front) {
            case COMMAND_LINE -> {
                if (k.accountId() == null) {
                    yield env ? Phrase.CLI_SET_KEY_AD_HOC.say(happened, vars) : happened;
                }
                if (k.slot() != null) {
                    yield env ? Phrase.CLI_SET_KEY_SLOT.say(happened, k.accountId(), k.slot(), vars)
                            : Phrase.CLI_SET_KEY_SLOT_NO_ENV.say(happened, k.accountId(), k.slot());
                }
                yield env ? Phrase.CLI_SET_KEY.say(happened, k.accountId(), vars)
                        : Phrase.CLI_SET_KEY_NO_ENV.say(happened, k.accountId());
            }
            case DESKTOP -> env ? Phrase.DESKTOP_SET_KEY.say(happened, vars) : Phrase.DESKTOP_SET_KEY_NO_ENV.say(happened);
            case SETTINGS -> env ? Phrase.SETTINGS_SET_KEY.say(happened, vars) : Phrase.SETTINGS_SET_KEY_NO_ENV.say(happened);
        };
    }

    private static String setField(String happened, Remedy.SetField f, Front front) {
        boolean env = f.envVar() != null;
        String text = switch (front) {
            case COMMAND_LINE -> {
                String option = option(f.fieldId());
                String value = placeholder(f.fieldId());
                if (f.accountId() == null) {
                    yield env ? Phrase.CLI_SET_FIELD_AD_HOC.say(happened, option, value, f.envVar())
                            : Phrase.CLI_SET_FIELD_AD_HOC_NO_ENV.say(happened, option, value);
                }
                yield env ? Phrase.CLI_SET_FIELD.say(happened, f.accountId(), option, value, f.envVar())
                        : Phrase.CLI_SET_FIELD_NO_ENV.say(happened, f.accountId(), option, value);
            }
            case DESKTOP -> env ? Phrase.DESKTOP_SET_FIELD.say(happened, f.label(), f.envVar())
                    : Phrase.DESKTOP_SET_FIELD_NO_ENV.say(happened, f.label());
            case SETTINGS -> env ? Phrase.SETTINGS_SET_FIELD.say(happened, f.label(), f.envVar())
                    : Phrase.SETTINGS_SET_FIELD_NO_ENV.say(happened, f.label());
        };
        return f.whereToFind() == null ? text : Phrase.WHERE_TO_FIND.say(text, f.whereToFind());
    }

    /** The command-line option for a field id: {@code some_id} → {@code --some-id}. */
    public static String option(String fieldId) {
        return AccountField.option(fieldId);
    }

    /** The value's placeholder in a command for a field id: {@code some_id} → {@code SOME_ID}. */
    public static String placeholder(String fieldId) {
        return AccountField.placeholder(fieldId);
    }

    private static String either(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        String out = items.getFirst();
        for (int i = 1; i < items.size(); i++) {
            out = Phrase.EITHER.say(out, items.get(i));
        }
        return out;
    }
}
