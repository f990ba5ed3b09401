package dev.tally.account;

import dev.tally.core.Wording;

/**
 * What the settings files and the account fields people type say when something is wrong: an alert level or a
 * top-up that cannot be read, a damaged {@code accounts.json} or {@code settings.json}. Said when made
 * ({@link #say}): these are answers to what someone just typed or started. File names, currency codes and the
 * examples to type stay as typed. Keys {@code config.NAME}; English bundle generated from here
 * ({@code scripts/i18n/bundle.py}).
 */
public enum ConfigPhrase implements Wording {
    // ---- alert levels (thresholds)
    THRESHOLD_NOT_AMOUNT("threshold '{0}' is not an amount; write e.g. 5, 5.00 CNY or $5"),
    THRESHOLD_NOT_AMOUNT_USD("threshold '{0}' is not an amount; write e.g. 5, 5.00 USD or $5"),
    THRESHOLD_LEAVE_OUT("{0}; leave the threshold out"),
    NOT_ISO("'{0}' is not an ISO currency code (e.g. CNY, USD)"),
    NOT_ISO_USD("'{0}' is not an ISO currency code (e.g. USD)"),
    NEVER_FIRES("{0} reports balances in {1}, so an alert in {2} would never fire; write e.g. '{3}'"),
    SAY_ALERT_CURRENCY("say which currency the alert is in, e.g. '{0} USD'"),
    SAY_WHICH_CURRENCY("{0} can report balances in {1}; say which one, e.g. '{2}'"),
    OR("{0} or {1}"),
    AND("{0} and {1}"),
    ESTIMATE_CURRENCY("the alert is on your estimated balance, which is in {0} like your top-up; write e.g. '{1} {0}'"),
    SPEND_ONLY("{0} reports spend only, not a balance, so a low-balance alert would never fire"),
    NOT_AN_AMOUNT("'{0}' is not an amount; write e.g. 5 or 5.50"),

    // ---- top-ups
    TOP_UP_NOT_AMOUNT("top-up '{0}' is not an amount; write e.g. '120 USD' or '$120'"),
    SAY_TOP_UP_CURRENCY("say which currency the top-up is in, e.g. '{0} USD'"),
    NOT_A_DATE("'{0}' is not a date; write e.g. 2026-11-30 or 2026-11-30T18:00Z"),
    IN_THE_FUTURE("{0} is in the future; give the day of your last top-up"),

    // ---- key commands ("that command …") and labels
    KEY_COMMAND_EMPTY("is empty: give the program and its arguments"),
    KEY_COMMAND_NO_PROGRAM("has no program name"),
    KEY_COMMAND_NUL("has an argument with a NUL character"),
    LABEL_ONE_LINE("a label must be one line without control characters (newline, tab, …)"),

    // ---- what is wrong inside a settings file (the files' own names and values stay as written)
    NOT_AN_OBJECT_FILE("it is not a JSON object"),
    NO_VERSION("it has no version number"),
    BAD_VERSION("its version {0} is not valid"),
    NO_ACCOUNTS_LIST("it has no accounts list"),
    ID_TWICE("account id '{0}' appears twice"),
    ENTRY_NOT_OBJECT("an account entry is not an object"),
    ENTRY_NO_ID("an account entry has no id or provider"),
    BAD_BASE_URL("account '{0}' has an unusable base URL: {1}"),
    THRESHOLD_INCOMPLETE("account '{0}' has a threshold without amount or currency"),
    THRESHOLD_NOT_NUMBER("account '{0}' has a threshold that is not a number"),
    TOP_UPS_NOT_LIST("account '{0}' has top-ups that are not a list"),
    TOP_UP_INCOMPLETE("account '{0}' has a top-up without amount, currency or time"),
    TOP_UP_UNREADABLE("account '{0}' has a top-up whose amount or time cannot be read"),
    FIELDS_NOT_OBJECT("account '{0}' has fields that are not an object"),
    FIELD_NOT_TEXT("account '{0}' has a field '{1}' that is not text"),
    KEY_COMMANDS_NOT_OBJECT("account '{0}' has keyCommands that are not an object"),
    KEY_COMMAND_NOT_LIST("account '{0}' has a key command that is not a list of arguments"),
    KEY_COMMAND_ARG_NOT_TEXT("account '{0}' has a key command argument that is not text"),
    BAD_THEME("theme '{0}' is not system, light or dark"),
    WINDOW_NOT_OBJECT("window is not an object"),
    LANGUAGE_NOT_TEXT("language is not text"),
    NOT_BOOLEAN("{0} is not true or false"),
    WINDOW_NOT_NUMBER("window {0} is not a number"),

    // ---- the files
    ACCOUNTS_KEPT_ASIDE("{0} could not be read ({1}); it was kept as {2} and Tally carries on with no accounts"),
    ACCOUNTS_NOT_MOVED("{0} could not be read ({1}) and could not be moved aside ({2}); it is left untouched and Tally carries on with no accounts"),
    ACCOUNTS_UNREADABLE("cannot read {0} ({1}); carrying on with no accounts and leaving it untouched — fix its permissions or move it away"),
    SETTINGS_KEPT_ASIDE("{0} could not be read ({1}); it was kept as {2} and the default settings are used"),
    SETTINGS_NOT_MOVED("{0} could not be read ({1}) and could not be moved aside; using the default settings"),
    SETTINGS_UNREADABLE("cannot read {0} ({1}); using the default settings"),
    NOT_CHANGING("not changing {0}: {1}"),
    CANNOT_BE_READ("it cannot be read"),
    COULD_NOT_SAVE("could not save {0}: {1}"),
    NOT_JSON("it is not valid JSON (truncated or damaged)"),
    TOO_LARGE_ACCOUNTS("it is larger than {0} MiB, far more than accounts take"),
    TOO_LARGE_SETTINGS("it is larger than {0} KiB, far more than settings ever take"),
    IS_A_FOLDER("it is a folder, not a file"),
    PERMISSION_DENIED("permission denied");

    private final String english;

    ConfigPhrase(String english) {
        this.english = english;
    }

    @Override
    public String key() {
        return "config." + name();
    }

    @Override
    public String english() {
        return english;
    }
}
