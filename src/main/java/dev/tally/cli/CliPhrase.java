package dev.tally.cli;

import dev.tally.core.Wording;

/**
 * The command line's own sentences (usage errors, hints), apart from the status wording in {@code status.Phrase}:
 * English here, other languages from the bundle {@code dev/tally/messages_zh_CN.properties} under
 * {@code cli.NAME} (see {@link dev.tally.core.Messages}; after a change run {@code python3 scripts/i18n/bundle.py}). JSON and log
 * lines never use these. The help texts ({@code --help}) are translated in {@code dev/tally/cli/help_zh_CN.properties}.
 *
 * <p>Stateless and thread-safe.
 */
enum CliPhrase implements Wording {
    // ---- usage errors and hints
    /** {@code tally: <what> (see 'tally balance --help')}. */
    USAGE_ERROR("{0} (see '{1} --help')"),
    UNKNOWN_OPTION_DID_YOU_MEAN("unknown option '{0}'; did you mean '{1}'?"),
    UNKNOWN_COMMAND_DID_YOU_MEAN("unknown command '{0}'; did you mean '{1}'?"),
    /** picocli's own messages, for the kinds people meet most. */
    UNKNOWN_OPTION("unknown option: '{0}'"),
    UNKNOWN_ARGUMENT("unexpected argument: '{0}'"),
    MISSING_PARAMETER("missing {0}"),
    MISSING_VALUE("{0} needs a value"),
    BAD_VALUE("invalid value for {0}: '{1}'"),
    OTHER_PARSE_ERROR("{0}"),
    /** Beside an unexpected failure's message. */
    DEBUG_HINT("{0} (--debug shows details)"),
    DID_YOU_MEAN("{0}; did you mean '{1}'?"),
    KEYCHAIN_WAIT("waiting for the keychain…"),
    HOME_EMPTY("--home is empty; give a folder, e.g. --home ~/tally-portable, or leave it out for the usual places"),
    LANGUAGE_UNKNOWN("TALLY_LANG={0} is not a language Tally speaks (en, zh-CN); it is ignored"),

    // ---- tally balance
    BALANCE_NOTHING_TO_FETCH("no accounts configured and no provider key in the environment. Add one with 'tally accounts add --provider deepseek', or set a key variable such as DEEPSEEK_API_KEY."),
    /** {0} the options, e.g. "--base-url, --region and --field". */
    BALANCE_AD_HOC_NEEDS_PROVIDER("{0} need a provider name, e.g. 'tally balance deepseek --base-url URL'"),
    BALANCE_AD_HOC_NOT_FOR_ACCOUNT("{0} apply to provider names; account '{1}' has its own settings (change them with 'tally accounts edit {1}')"),
    BALANCE_NOT_A_REGION_ONLY_ONE("--region {0} is not a region of {1} (it has only one)"),
    BALANCE_NOT_A_REGION("--region {0} is not a region of {1}; use one of {2}"),
    /** {0} the name typed, {1} the account ids or NONE_CONFIGURED, {2} the providers. */
    BALANCE_UNKNOWN_NAME("unknown account or provider '{0}' (accounts: {1}; providers: {2})"),
    NONE_CONFIGURED("none configured"),
    /** The last two of a list: "--base-url, --region and --field". */
    LIST_AND("{0} and {1}"),
    /** The items of a list before its last two: "--base-url, --region". */
    LIST_JOIN("{0}, {1}"),
    UNKNOWN_PROVIDER_REASON("this version of Tally does not know the provider '{0}'"),

    // ---- tally accounts
    ACCOUNTS_WHAT_TO_DO("say what to do: add, list, edit or remove (see below)"),
    ACCOUNTS_TOPUP_DATE_ALONE("--topup-date needs --topup (what you had after that top-up)"),
    ACCOUNTS_ONE_REGION("{0} has only one region; drop --region"),
    ACCOUNTS_LABEL_EMPTY("--label is empty; give a name such as work or personal"),
    ACCOUNTS_LABEL_TAKEN("there is already a {0} account labelled '{1}'; give this one another --label"),
    ACCOUNTS_UNKNOWN_PROVIDER("unknown provider '{0}' (providers: {1})"),
    /** {0} the provider's name, {1} why (the catalog's reason or its translation). */
    ACCOUNTS_UNSUPPORTED("{0}: balance check not supported — {1}"),
    ACCOUNTS_ADDED("Added {0} as '{1}'. Store its key with: tally keys set {1}"),
    /** {0} and {1} are two options that cannot go together, e.g. --topup and --no-topup. */
    ACCOUNTS_CONTRADICT("{0} and {1} contradict each other; give only one"),
    ACCOUNTS_REMOVE_NEEDS_YES("removing '{0}' needs confirmation: add --yes"),
    /** Asked on a terminal; the answer is y or n in every language. */
    ACCOUNTS_REMOVE_ASK("Remove {0} ({1}) and its key? [y/N] "),
    ACCOUNTS_NOTHING_REMOVED("Nothing removed."),
    ACCOUNTS_REMOVED("Removed {0}."),
    ACCOUNTS_UPDATED("Updated {0}."),
    ACCOUNTS_NO_SUCH("no account '{0}' (accounts: {1})"),
    ACCOUNTS_NONE("none"),
    ACCOUNTS_FIELD_NOT_USED("{0} does not use {1}; drop {2}"),
    ACCOUNTS_NO_FIELD("{0}: {1} has no field '{2}'"),
    ACCOUNTS_NO_FIELD_ITS_FIELDS("{0}: {1} has no field '{2}' (its fields: {3})"),
    ACCOUNTS_INTERVAL("--interval must be between {0} and {1} minutes"),
    ACCOUNTS_PROVIDER_UNKNOWN("account '{0}' has an unknown provider {1}"),
    ACCOUNTS_REGION_ALERT_NEVER_FIRES("the alert below {0} would never fire: {1} ({2}) reports {3}; give a --threshold in {3} too, or --no-threshold"),
    ACCOUNTS_OR("{0} or {1}"),
    ACCOUNTS_FIELD_TWICE("{0} and --field {1} say the same; give only one"),
    ACCOUNTS_GONE_MEANWHILE("account '{0}' was removed meanwhile"),
    ACCOUNTS_KEYCHAIN_UNAVAILABLE("the keychain is not available ({0}); any key stored for '{1}' stays there — remove it later with 'tally keys delete {1}'"),
    ACCOUNTS_KEY_NOT_REMOVED("could not remove the {0} key of '{1}': {2}"),
    /** The columns of 'tally accounts list' after id, label and provider. */
    ACCOUNTS_KEY("key: {0}"),
    ACCOUNTS_ALERT_BELOW("alert below {0}"),
    ACCOUNTS_TOP_UP("top-up {0} at {1}"),
    ACCOUNTS_EVERY("every {0} min"),
    /** {0} the provider, {1} the field as a noun ("a team id"), {2} the command that adds it. */
    ACCOUNTS_NEEDS_FIELD("warning: {0} needs {1} to check the balance; add it with '{2}'"),
    ACCOUNTS_NEEDS_FIELD_OR_ENV("warning: {0} needs {1} to check the balance and {2} is not set; add it with '{3}'"),
    /** Where a key comes from ('tally accounts list', 'tally keys status'). */
    SOURCE_KEYCHAIN("keychain"),
    SOURCE_ENV("env"),
    SOURCE_COMMAND("command"),
    SOURCE_COMMAND_FAILED("command failed"),
    SOURCE_KEYCHAIN_UNREADABLE("unknown — keychain not readable"),
    SOURCE_MISSING("missing"),

    // ---- tally keys
    KEYS_WHAT_TO_DO("say what to do: set, delete or status (or command, to take the key from a password manager; see below)"),
    /** {0} the key's slot (api, management, admin), {1} the account's label, {2} the masked hint, {3} the keychain. */
    KEYS_STORED("Stored the {0} key for {1} ({2}) in {3}."),
    KEYS_NONE_GIVEN("no key given: pipe it in, e.g. 'pass show x | tally keys set {0}'"),
    KEYS_NOTHING_TO_REMOVE("No {0} key for {1} was stored in {2}; nothing removed."),
    KEYS_FROM_ENV_UNCHANGED("{0} (Its key comes from {1}, which Tally does not change.)"),
    KEYS_REMOVED("Removed the {0} key for {1} from {2}."),
    KEYS_COULD_NOT_REMOVE("could not remove the key: {0}"),
    KEYS_NO_SLOT("{0} has no '{1}' key; use one of {2}"),
    KEYS_UNUSABLE("that key cannot be used: {0}"),
    KEY_COMMAND_CLEAR_ALONE("--clear takes no command"),
    KEY_COMMAND_GIVE_IT("give the command after '--', e.g. 'tally keys command {0} -- pass show {0}', or --clear"),
    KEY_COMMAND_PROBLEM("that command {0}"),
    KEY_COMMAND_NO_SHELL("the command runs without a shell: give the program and each argument separately, e.g. -- pass show {0} (not -- \"pass show {0}\")"),
    HISTORY_DAYS("--days must be between 1 and 3660"),
    HISTORY_NOTHING_RECORDED("{0}; nothing recorded from {1} yet either ('tally balance {2}' records it)"),
    HOOKS_EXAMPLE("{0} — e.g. tally hooks add {1} -- notify-send Tally"),
    WATCH_STOP_AFTER("--stop-after must be at least 1 second, got {0}"),
    WATCH_TOKEN_WITHOUT_METRICS("--metrics-token-file goes with --metrics"),
    WATCH_NO_LOCK("cannot make sure no other Tally polls the same accounts ({0}); carrying on"),
    WATCH_ALERT("{0}  ALERT  {1}"),
    WATCH_ACCOUNTS_CHANGED_ONE("{0}  accounts changed; watching 1 account"),
    WATCH_ACCOUNTS_CHANGED("{0}  accounts changed; watching {1} accounts"),
    WATCH_TOKEN_UNREADABLE("cannot read the token file {0}: {1}"),
    WATCH_TOKEN_ONE_LINE("the token file {0} must hold one line, the token"),
    WATCH_NO_METRICS("cannot serve metrics at {0}: {1}"),
    /** {0} the account id, {1} the keychain, {2} the keychain entries removed. */
    KEYS_LEFTOVER_REMOVED_ONE("There is no account '{0}'; removed the key it left in {1} ({2})."),
    KEYS_LEFTOVER_REMOVED("There is no account '{0}'; removed the keys it left in {1} ({2})."),
    /** 'tally keys status': {0} the keychain, {1} its state, {2} why. */
    KEYS_STATUS_KEYCHAIN("Keychain: {0} — {1}"),
    KEYS_STATUS_KEYCHAIN_WHY("Keychain: {0} — {1} ({2})"),
    /** {0} the slot (api, management), {1} where the key comes from. */
    KEYS_STATUS_SLOT("{0} key {1}"),

    // ---- tally watch
    WATCH_NOTHING("no accounts to watch. Add one with 'tally accounts add --provider deepseek'."),
    WATCH_ONE("Watching 1 account; Ctrl-C stops."),
    WATCH_MANY("Watching {0} accounts; Ctrl-C stops."),
    WATCH_STOPPED("Stopped."),
    WATCH_METRICS_AT("Metrics at {0}"),
    WATCH_METRICS_AT_TOKEN("Metrics at {0} (bearer token required)"),
    WATCH_METRICS_OPEN("the metrics can be read by anyone who reaches {0}; consider --metrics-token-file"),

    // ---- tally history: labels of the rows (padded to one column by display width), then their values
    HISTORY_NONE("{0}: no history in the last {1} day(s) yet. It fills as 'tally balance' or the widget fetch this account."),
    HISTORY_TITLE("{0} — {1}, last {2} day(s):"),
    HISTORY_BALANCE_NOW("balance now"),
    HISTORY_EST_SPEND("est. spend"),
    HISTORY_SPEND("spend"),
    HISTORY_TOP_UP("top-up"),
    HISTORY_BURN_RATE("burn rate"),
    HISTORY_RUNWAY("runway"),
    HISTORY_AT("{0} ({1})"),
    HISTORY_ESTIMATED_FROM_DROPS("{0} (estimated from balance drops)"),
    HISTORY_PROVIDER_REPORTED("{0} (provider-reported)"),
    HISTORY_TOP_UP_AT("+{0} at {1}"),
    HISTORY_NOT_ENOUGH_DATA("not enough data"),
    HISTORY_PER_DAY("{0} per day (last 7 days)"),
    HISTORY_RUNWAY_DAYS("≈ {0} days"),
    HISTORY_NOTHING_THIS_MONTH("nothing reported for this month yet"),
    HISTORY_THIS_MONTH("{0} this month (provider-reported, as of {1})"),
    HISTORY_NO_RUNWAY("none: {0} reports spend, not a balance"),
    HISTORY_NO_DATA("no data"),

    // ---- tally hooks; {1} a hook as hooks describe themselves ("low_balance -- notify-send Tally")
    HOOKS_WHAT_TO_DO("say what to do: add, list or remove (see below)"),
    HOOKS_ADDED("Added hook {0}: {1}"),
    HOOKS_NONE("No hooks. Add one with: tally hooks add low_balance -- notify-send Tally"),
    HOOKS_NO_SUCH("there is no hook {0} (there are {1}; see 'tally hooks list')"),
    HOOKS_REMOVED("Removed hook {0}: {1}"),

    // ---- tally keys command; {0} the key's slot, {1} the account's label
    KEY_COMMAND_NONE("{1} has no key command for its {0} key; nothing changed."),
    KEY_COMMAND_CLEARED("The {0} key of {1} comes from the keychain or {2} again."),
    KEY_COMMAND_SET("The {0} key of {1} now comes from: {2}"),
    KEY_COMMAND_NOT_ON_PATH("note: {0} is not on PATH; Tally runs it as given."),

    // ---- tally status
    STATUS_ONE_FORM("--json, --short and --format do not go together; choose one"),
    STATUS_BAD_FORMAT("--format is text, json or prometheus, or a template such as '{label} {amount}'; not '{0}'"),
    STATUS_NO_ACCOUNTS("No accounts yet. Add one with: tally accounts add --provider deepseek");

    private final String english;

    CliPhrase(String english) {
        this.english = english;
    }

    @Override
    public String key() {
        return "cli." + name();
    }

    @Override
    public String english() {
        return english;
    }
}
