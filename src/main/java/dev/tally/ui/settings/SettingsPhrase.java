package dev.tally.ui.settings;

import dev.tally.core.Wording;

import java.util.List;

/**
 * Every word of the settings window, in one place: labels (an underscore marks the Alt+letter), hints, validation
 * messages, status lines and confirmations, each a whole sentence or label with numbered placeholders {@code {0}},
 * {@code {1}}, … so a translation can reorder them. {@link #say} speaks the current {@link dev.tally.core.Messages#language()} from
 * the bundle {@code dev/tally/messages_zh_CN.properties} under {@code settings.NAME} ({@link Wording}), English from here when the
 * bundle has none. The English bundle is generated from this file ({@code python3 scripts/i18n/bundle.py}).
 * Messages shown under a field are written as clauses ("give the account a label…"); the form starts them with a
 * capital.
 *
 * <p>Stateless and thread-safe.
 */
public enum SettingsPhrase implements Wording {
    // ---- the window, its tabs and footer
    TITLE("Tally — Settings"),
    TAB_ACCOUNTS("Accounts"),
    TAB_GENERAL("General"),
    TABS_ACCESSIBLE("Settings sections"),
    CLOSE("Close"),
    CLOSE_ACCESSIBLE("Close settings"),
    SAVE("_Save"),
    SAVE_ACCESSIBLE("Save settings"),
    LOADING("Loading…"),
    LOAD_FAILED("Could not load the settings: {0}"),
    SAVING("Saving…"),
    SAVE_FAILED("Could not save: {0}"),
    SAVED_BUT_NOT_KEY("Saved, but not the key — see the key field"),
    SAVED("Saved {0}."),
    SAVED_ACCOUNT("{0}"),
    SAVED_ACCOUNT_AND_KEY("{0} and its key"),
    SAVED_GENERAL("the general settings"),
    SAVED_BOTH("{0} and {1}"),
    DISCARD_TITLE("Discard your changes?"),
    DISCARD_FORM("The account form has changes that are not saved."),
    DISCARD_FORM_KEY("The account form has changes that are not saved, including the key you typed."),
    DISCARD_GENERAL("The general settings have changes that are not saved."),
    DISCARD_BOTH("The account form and the general settings have changes that are not saved."),
    DISCARD_BOTH_KEY("The account form and the general settings have changes that are not saved, including the key you typed."),
    DISCARD_ACTION("Discard changes"),

    // ---- the account list
    LIST_EMPTY("No accounts yet: fill in the form and save."),
    LIST_ACCESSIBLE("Accounts"),
    NEW_ACCOUNT("_New account"),
    NEW_ACCOUNT_ACCESSIBLE("Add an account"),
    REMOVE("_Remove…"),
    REMOVE_ACCESSIBLE("Remove the selected account"),
    REMOVE_TITLE("Remove {0}?"),
    REMOVE_ACTION("Remove"),
    REMOVE_KEY_KEYCHAIN("Its key is removed from {0} too."),
    REMOVE_KEY_KEYCHAIN_ENV("Its key is removed from {0} too. {1} in your environment stays as it is."),
    REMOVE_KEY_ENVIRONMENT("Its key comes from {0} in your environment, which stays as it is."),
    REMOVE_KEY_UNKNOWN("Any key saved for it in the keychain is removed too."),
    REMOVE_HISTORY("Its history stays until it ages out."),
    REMOVE_DETAIL("{0} {1}"),
    REMOVING("Removing {0}…"),
    REMOVED("Removed {0}."),
    REMOVED_BUT("Removed {0}, but {1}"),
    REMOVE_FAILED("Could not remove {0}: {1}"),
    ROW_EVERY("every {0} min"),
    ROW_ALERT("alert below {0}"),
    ROW_PARTS("{0} · {1}"),
    /** Between environment variables: "DEEPSEEK_API_KEY or …", "… and …". */
    OR("{0} or {1}"),
    AND("{0} and {1}"),

    // ---- the account form
    FORM_EDIT("Edit account"),
    FORM_NEW("New account"),
    PROVIDER("_Provider"),
    PROVIDER_PROMPT("Choose a provider"),
    PROVIDER_ACCESSIBLE("Provider"),
    PROVIDER_NOT_AVAILABLE("{0} — balance not available"),
    PROVIDER_NOT_SUPPORTED_ACCESSIBLE("{0}, not supported: {1}"),
    PROVIDER_REASON("{0}: {1}"),
    PROVIDER_CANNOT_ADD("{0} cannot be added: {1}"),
    PROVIDER_UNKNOWN("Tally does not know this provider"),
    LABEL("_Label"),
    LABEL_PROMPT("e.g. DeepSeek (work)"),
    LABEL_ACCESSIBLE("Account label"),
    REGION("Re_gion"),
    REGION_ACCESSIBLE("Region"),
    REGION_HINT("Keys belong to one platform; the wrong region answers “key rejected”."),
    REGION_GLOBAL("Global"),
    REGION_CHINA("China"),
    REGION_CHOICE("{0} — {1}"),
    REGION_CHOICE_CURRENCY("{0} — {1} ({2})"),
    KEY_FROM("K_ey from"),
    KEY_FROM_ACCESSIBLE("Where the key comes from"),
    KEY_FROM_KEYCHAIN("Keychain"),
    KEY_FROM_ENVIRONMENT("Environment variable"),
    KEY_FROM_COMMAND("Command"),
    PRESETS("Presets"),
    PRESETS_ACCESSIBLE("Password manager commands"),
    COMMAND_PROMPT("e.g. pass show api/deepseek"),
    COMMAND_ACCESSIBLE("Command that prints the key"),
    NOTE_KEYCHAIN("Stored in your keychain when you save; {0} is used while no key is stored."),
    NOTE_NO_VARIABLE("This provider's key has no environment variable."),
    NOTE_VARIABLE_SET("{0} is set where Tally runs; a key in the keychain would come first."),
    NOTE_VARIABLE_NOT_SET("{0} is not set where Tally runs: set it in the environment Tally starts from (a key in the keychain would come first)."),
    NOTE_COMMAND("Run without a shell whenever the key is needed (kept in memory for 10 min); it must print only the key."),
    COMMAND_MISSING("Enter the command that prints the key, or pick one from Presets"),
    COMMAND_QUOTE("A quote in the command is not closed"),
    COMMAND_PROBLEM("The command {0}"),
    KEY_API("API key"),
    KEY_API_MNEMONIC("API _key"),
    KEY_MANAGEMENT("Management key"),
    KEY_MANAGEMENT_MNEMONIC("_Management key"),
    KEY_ADMIN("Admin key"),
    KEY_ADMIN_MNEMONIC("Admin _key"),
    KEY_PROMPT("Paste the key"),
    KEY_SHOW("Show the key"),
    KEY_HIDE("Hide the key"),
    KEY_CLEAR("Clear the key"),
    KEY_LOOKING("Looking in the keychain…"),
    KEY_SAVED_IN("Saved in {0}"),
    KEY_SAVED_REPLACE("Saved in {0} ({1}); type a new key to replace it"),
    KEY_FROM_ENV("Using {0} from the environment ({1})"),
    KEY_FROM_ENV_OR_KEYCHAIN("Using {0} from the environment ({1}); type a key to keep one in {2} instead"),
    KEY_KEYCHAIN_PROBLEM_NO_ENV("The keychain is {0}: {1}; {2} is not set either"),
    KEY_NONE_SAVED("No key saved; type one, or set {0}"),
    KEY_ENV_KEYCHAIN_UNREADABLE("Using {0} from the environment; the keychain could not be read: {1}"),
    KEY_KEYCHAIN_UNREADABLE("The keychain could not be read ({0})"),
    KEY_LEAVE_EMPTY_OR_KEEP("Leave empty to use {0} from the environment, or type a key to keep it in {1}."),
    KEY_LEAVE_EMPTY_KEYCHAIN_PROBLEM("Leave empty to use {0} from the environment (the keychain is {1}: {2})."),
    KEY_KEPT_IN("Kept in {0} — or leave empty to use {1}."),
    KEY_TEST_ONLY("Can be tested but not saved: the keychain is {0} ({1}). Unlock or start it — or leave this empty and set {2} instead."),
    FIELD_LEAVE_EMPTY("Leave empty to use {0}"),
    FIELD_DESCRIPTION_LEAVE_EMPTY("{0}; leave empty to use {1}"),
    TEST("_Test"),
    TEST_ACCESSIBLE("Test the key now"),
    TESTING("Testing…"),
    TEST_OK("OK — {0}"),
    TEST_TYPE_KEY("Type a key to test it ({0})"),
    TEST_COULD_NOT_RUN("The test could not run ({0})"),
    TEST_VARIABLE_NOT_SET("{0} is not set"),
    TEST_KEYCHAIN_PROBLEM("{0}; {1} is not set either"),
    TEST_NO_KEY("no key is saved for this account and {0} is not set"),
    TEST_SPENT("spent {0} this month"),
    TEST_KEY_UNLIMITED("this key has no limit"),
    TEST_KEY_UNLIMITED_USED("this key has no limit, used {0}"),
    TEST_KEY_LIMIT_LEFT("key limit {0}, {1} left"),
    TEST_KEY_LIMIT_LEFT_USED("key limit {0}, {1} left, used {2}"),
    TEST_KEY_LIMIT_UNKNOWN("key limit {0}, remaining unknown"),
    TEST_KEY_LIMIT_UNKNOWN_USED("key limit {0}, remaining unknown, used {1}"),
    TEST_CURRENCY_ASSUMED("{0} (currency assumed from the region)"),
    TEST_CANNOT_CALL("{0} — the provider says the account cannot make API calls"),
    TEST_BUT("{0}; but {1}"),
    TOP_UP("Last top-up"),
    TOP_UP_PROMPT("e.g. 120 USD"),
    TOP_UP_ACCESSIBLE("What you had after your last top-up"),
    TOP_UP_DATE_PROMPT("YYYY-MM-DD (today)"),
    TOP_UP_DATE_ACCESSIBLE("Day of the top-up"),
    TOP_UP_ON("on"),
    TOP_UP_HINT("What you had after your last top-up, from the console: Tally subtracts the spend the provider reports since then and shows an estimated balance. Empty: no estimate."),
    TOP_UP_AMOUNT_MISSING("Enter what you had after that top-up, e.g. 120 USD"),
    ALERT("_Alert below"),
    ALERT_PROMPT("none"),
    ALERT_ACCESSIBLE("Alert when the balance falls below this amount"),
    ALERT_CURRENCY_PROMPT("Currency"),
    ALERT_CURRENCY_ACCESSIBLE("Alert currency"),
    ALERT_HINT("Notifies you once when the balance drops below this. Empty: no alert."),
    ALERT_ON_ESTIMATE("The alert watches your estimated balance (your top-up minus the reported spend)"),
    ALERT_NEEDS_TOP_UP("{0} — give your last top-up below to alert on an estimate"),
    INTERVAL("_Check every"),
    INTERVAL_ACCESSIBLE("Check every how many minutes"),
    INTERVAL_UNIT("minutes"),
    ADVANCED("Advanced"),
    ADVANCED_ACCESSIBLE("Advanced account settings"),
    BASE_URL("_Base URL"),
    BASE_URL_ACCESSIBLE("Base URL"),
    BASE_URL_HINT("Replaces the provider's address, e.g. for a proxy. https only (http only to this computer)."),

    // ---- what the form asks before it saves (clauses: shown as sentences under their field)
    NEED_PROVIDER("choose the provider of this account"),
    NEED_LABEL("give the account a label, e.g. “DeepSeek (work)”"),
    LABEL_TAKEN("there is already a {0} account labelled “{1}”"),
    NEED_REGION("choose the region your key belongs to"),
    BASE_URL_HTTPS("the base URL must use https; plain http is allowed only to this computer (localhost, 127.0.0.1, ::1)"),
    ALERT_BAD("the alert level {0}"),
    ALERT_NEED_CURRENCY("choose the currency of the alert level"),
    ALERT_WRONG_CURRENCY("{0} reports balances in {1}, so an alert in {2} would never fire; choose one of them"),
    ALERT_THIS_PROVIDER("this provider"),
    INTERVAL_RULE("the interval must be a whole number of minutes from {0} to {1}"),

    // ---- saving keys and removing accounts (the key field's and the status line's words)
    NOT_SAVED_SEE_KEY("Not saved — see the key field"),
    NOT_SAVED_KEYCHAIN("Not saved: the keychain is {0} ({1}) and Tally never stores keys in plain text. Unlock or start your keychain and press Save again — or clear the key field, set {2} in the environment Tally starts from, and save."),
    NOT_SAVED("Not saved: {0}"),
    NOT_CHANGING_FILE("Not changing {0}: {1}"),
    FILE_CANNOT_BE_WRITTEN("it cannot be written"),
    KEYCHAIN_NOT_OPENED("the keychain could not be opened ({0})"),
    KEY_NOT_REMOVED("its key could not be removed from the keychain ({0})"),
    KEY_NOT_REMOVED_STATE("its key could not be removed from the keychain: it is {0} ({1})"),
    KEY_SLOT_NOT_REMOVED("its {0} key could not be removed: {1}"),
    LAUNCH_AT_LOGIN_FAILED("Launch at login: {0}"),

    // ---- the keychain in messages (its state, "locked", is the secret room's: StoreStatus.stateWords)
    KEYCHAIN_NAME_UNKNOWN("the keychain"),
    KEYCHAIN_CHECKING("Checking the keychain…"),
    KEYCHAIN_KEPT("Keys are kept in {0}, never in a file."),
    KEYCHAIN_PROBLEM("The keychain is {0}: {1}. Keys you type can be tested but not saved (Tally never stores keys in plain text). Unlock or start your keychain, or leave the key fields empty and set each provider's key variable (e.g. DEEPSEEK_API_KEY, named under each key field) instead."),

    // ---- the General tab
    LAUNCH_AT_LOGIN("Launch Tally at l_ogin"),
    LAUNCH_AT_LOGIN_ACCESSIBLE("Launch Tally at login"),
    LAUNCH_AT_LOGIN_ADDS("Adds the {0}"),
    LAUNCH_AT_LOGIN_NO_COMMAND("Tally cannot tell how it was started, so it cannot add itself to login"),
    NOTIFICATIONS("Show desktop noti_fications"),
    NOTIFICATIONS_ACCESSIBLE("Show desktop notifications"),
    NOTIFICATIONS_HINT("Low balance, exhausted balance and rejected keys, once each."),
    SPEND_CHECKS("Alert _when spend does not add up"),
    SPEND_CHECKS_ACCESSIBLE("Alert when the balance falls more than the reported usage"),
    SPEND_CHECKS_HINT("Where a provider reports both a balance and usage (OpenRouter with both keys): when over a day the balance fell more than the usage explains — another key, a leaked key or untracked usage."),
    THEME("Theme"),
    THEME_SYSTEM("S_ystem"),
    THEME_LIGHT("Lig_ht"),
    THEME_DARK("_Dark"),
    THEME_ACCESSIBLE("Theme: {0}"),
    THEME_HINT("System follows your desktop's light or dark setting."),
    HIDE_AMOUNTS("Hide amo_unts"),
    HIDE_AMOUNTS_ACCESSIBLE("Hide amounts"),
    HIDE_AMOUNTS_HINT("Shows ••• instead of amounts in the window, tray and notifications — for screen sharing."),
    KEYS("Keys"),
    LANGUAGE("Language"),
    LANGUAGE_ACCESSIBLE("Language"),
    LANGUAGE_SYSTEM("System ({0})"),
    LANGUAGE_HINT("System follows your desktop's language. The CLI's TALLY_LANG overrides this for a command."),
    LANGUAGE_AFTER_RESTART("The new language applies after Tally restarts."),
    LANGUAGE_OVERRIDDEN("TALLY_LANG={0} is set where Tally runs and decides the language instead.");

    private final String english;

    SettingsPhrase(String english) {
        this.english = english;
    }

    /** The key of this phrase in the message bundles: {@code settings.TITLE}. */
    @Override
    public String key() {
        return "settings." + name();
    }

    @Override
    public String english() {
        return english;
    }

    /** "a", "a or b", "a or b or c": words joined with {@code joiner} ({@link #OR} or {@link #AND}). */
    static String join(SettingsPhrase joiner, List<String> words) {
        if (words.isEmpty()) {
            return "";
        }
        String out = words.getFirst();
        for (String w : words.subList(1, words.size())) {
            out = joiner.say(out, w);
        }
        return out;
    }
}
