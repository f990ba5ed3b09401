package dev.tally.status;

import dev.tally.core.Messages;
import dev.tally.core.Wording;

/**
 * Every sentence Tally says about an account's status, in one place, each a whole sentence (or a whole label)
 * with numbered placeholders {@code {0}}, {@code {1}}, … so that a translation can reorder them. The English
 * text is written here; nothing else in the code base writes these words. A placeholder is replaced verbatim:
 * apostrophes and braces other than {@code {n}} are plain text.
 *
 * <p>Other languages: {@link #say} speaks the current {@link Messages#language()}, from the bundle
 * {@code dev/tally/messages_zh_CN.properties} under the key {@code phrase.NAME}, English from here when the bundle
 * has no entry. The English bundle is generated from this file ({@code python3 scripts/i18n/bundle.py}; see
 * docs/architecture.md, "Wording and languages"): after adding or changing a phrase, run it and translate what it
 * reports as missing.
 *
 * <p>Stateless and thread-safe.
 */
public enum Phrase implements Wording {
    // ---- ages and waits
    AGE_JUST_NOW("just now"),
    AGE_MINUTES("{0} min ago"),
    AGE_HOURS("{0} h ago"),
    AGE_ONE_DAY("1 day ago"),
    AGE_DAYS("{0} days ago"),
    SPAN_SECONDS("{0} s"),
    SPAN_MINUTES("{0} min"),
    SPAN_HOURS("{0} h"),

    // ---- what went wrong, by kind: a short label (tray, card badge), a title (a sentence start), the command line
    LABEL_AUTH_FAILED("key rejected"),
    LABEL_FORBIDDEN("key not allowed"),
    LABEL_RATE_LIMITED("rate limited"),
    LABEL_TIMEOUT("timed out"),
    LABEL_NETWORK_ERROR("network error"),
    LABEL_BAD_RESPONSE("unexpected response"),
    LABEL_PROVIDER_ERROR("provider error"),
    LABEL_NO_KEY("no key"),
    LABEL_UNSUPPORTED("balance check not supported"),
    LABEL_EXHAUSTED("exhausted"),
    LABEL_NOT_AVAILABLE("not available"),

    TITLE_AUTH_FAILED("Key rejected"),
    TITLE_FORBIDDEN("Key not allowed"),
    TITLE_RATE_LIMITED("Rate limited"),
    TITLE_TIMEOUT("Timed out"),
    TITLE_NETWORK_ERROR("Network error"),
    TITLE_BAD_RESPONSE("Unexpected response"),
    TITLE_PROVIDER_ERROR("Provider error"),
    TITLE_NO_KEY("No key"),
    TITLE_UNSUPPORTED("Not supported"),
    /** A title and the detail: "Key rejected — the key was rejected by …". */
    TITLED("{0} — {1}"),

    CLI_AUTH_FAILED("key rejected — {0}"),
    CLI_FORBIDDEN("key not allowed — {0}"),
    CLI_RATE_LIMITED("rate limited — {0}"),
    CLI_TIMEOUT("timed out — {0}"),
    CLI_NETWORK_ERROR("network error — {0}"),
    CLI_BAD_RESPONSE("unexpected response — {0}"),
    CLI_PROVIDER_ERROR("provider error — {0}"),
    CLI_NO_KEY("{0}"),
    CLI_UNSUPPORTED("{0}"),
    /** A provider Tally knows but cannot read; {0} why (the catalog's reason, or its translation). */
    CLI_UNSUPPORTED_BECAUSE("balance check not supported — {0}"),

    // ---- what went wrong, in one line on the card; {0} is the provider's name
    REASON_AUTH_FAILED("Key rejected — check the key"),
    REASON_AUTH_FAILED_OR_REGION("Key rejected — check the key or region"),
    REASON_FORBIDDEN("Key not allowed to read the balance — check the key's permissions"),
    REASON_NO_KEY("No key — add one with Edit key…"),
    REASON_RATE_LIMITED("Rate limited — Tally tries again later"),
    REASON_TIMEOUT("No answer in time — Tally tries again later"),
    REASON_NETWORK_ERROR("Network error — check the connection; Tally tries again later"),
    REASON_BAD_RESPONSE("Unexpected response from {0}"),
    REASON_PROVIDER_ERROR("{0} reported an error — Tally tries again later"),
    REASON_UNSUPPORTED("Tally cannot read this provider's balance"),

    // ---- remedies on the command line; {0} is what happened
    CLI_SET_KEY("{0} — run 'tally keys set {1}' or set {2}"),
    CLI_SET_KEY_NO_ENV("{0} — run 'tally keys set {1}'"),
    CLI_SET_KEY_SLOT("{0} — run 'tally keys set {1} --slot {2}' or set {3}"),
    CLI_SET_KEY_SLOT_NO_ENV("{0} — run 'tally keys set {1} --slot {2}'"),
    CLI_SET_KEY_AD_HOC("{0} — set {1}"),
    CLI_CHECK_REGION("{0} — check the region (--region)"),
    /** {1} account id, {2} option, {3} placeholder, {4} environment variable. */
    CLI_SET_FIELD("{0}: add it with 'tally accounts edit {1} {2} {3}' (or in Settings) or set {4}"),
    CLI_SET_FIELD_NO_ENV("{0}: add it with 'tally accounts edit {1} {2} {3}' (or in Settings)"),
    CLI_SET_FIELD_AD_HOC("{0}: pass {1} {2} or set {3}"),
    CLI_SET_FIELD_AD_HOC_NO_ENV("{0}: pass {1} {2}"),

    // ---- remedies in the widget, the tray and notifications
    DESKTOP_SET_KEY("{0} — enter the key in Settings or set {1}"),
    DESKTOP_SET_KEY_NO_ENV("{0} — enter the key in Settings"),
    DESKTOP_CHECK_REGION("{0} — check Settings → Region"),
    /** {1} the field's label, {2} environment variable. */
    DESKTOP_SET_FIELD("{0}: enter the {1} in Settings or set {2}"),
    DESKTOP_SET_FIELD_NO_ENV("{0}: enter the {1} in Settings"),

    // ---- remedies in the settings window, where the fields are right there
    SETTINGS_SET_KEY("{0} — enter the key above or set {1}"),
    SETTINGS_SET_KEY_NO_ENV("{0} — enter the key above"),
    SETTINGS_CHECK_REGION("{0} — check the Region above"),
    SETTINGS_SET_FIELD("{0}: enter the {1} above or set {2}"),
    SETTINGS_SET_FIELD_NO_ENV("{0}: enter the {1} above"),

    /** A remedy and where the provider shows the value: "… or set SOME_VARIABLE (where the provider's console shows it)". */
    WHERE_TO_FIND("{0} ({1})"),
    /** Two alternatives, e.g. two environment variables. */
    EITHER("{0} or {1}"),

    // ---- the command line's lines
    LINE("{0}: {1}"),
    WATCH_NEXT_TRY("{0} — next try in {1}"),
    WATCH_PAUSED("{0} — paused until its key or settings change"),
    /** A balance and its split: "110.00 CNY (paid 100.00, granted 10.00)". */
    CLI_SPLIT("{0} ({1})"),
    /** Two parts of the split. */
    CLI_SPLIT_JOIN("{0}, {1}"),
    CLI_PAID("paid {0}"),
    CLI_GRANTED("granted {0}"),
    CLI_SPENT("spent {0} this month"),
    CLI_KEY_NO_LIMIT("key has no limit"),
    CLI_KEY_LIMIT("key limit {0}, {1}"),
    CLI_KEY_REMAINING_UNKNOWN("remaining unknown"),
    CLI_KEY_LEFT("{0} left"),
    CLI_KEY_RESETS("{0} (resets {1})"),
    /** How often a key's limit resets ({@link #resetPeriod}), as providers report it. */
    RESET_DAILY("daily"),
    RESET_WEEKLY("weekly"),
    RESET_MONTHLY("monthly"),
    CLI_KEY_USED("{0}, used {1}"),
    CLI_CURRENCY_ASSUMED("{0} [currency assumed from the region]"),
    CLI_NOT_AVAILABLE("{0} — not available for API calls"),
    CLI_PARTIAL("{0} — {1}"),
    CLI_STATUS_NO_BALANCE("no balance recorded yet"),
    CLI_STATUS_STALE("{0} [stale]"),
    CLI_STATUS_AGE("{0} — {1}"),
    CLI_STATUS_LAST_FAILED("{0} — last check failed: {1}"),
    /** Beside an amount below its alert level (see {@link Levels}): "3.10 USD LOW". */
    CLI_MARK_LOW("{0} LOW"),
    /** Beside an amount at or below zero: "0.00 USD EMPTY". */
    CLI_MARK_EMPTY("{0} EMPTY"),

    // ---- the tray
    TRAY_TOOLTIP("Tally — {0}"),
    /** The tray menu's actions; "Refresh all" and "Settings…" also label the window's buttons. */
    ACTION_REFRESH_ALL("Refresh all"),
    ACTION_OPEN_WINDOW("Open Tally"),
    ACTION_SETTINGS("Settings…"),
    ACTION_QUIT("Quit"),
    WINDOW_REFRESH_ALL_ACCESSIBLE("Refresh all balances"),
    WINDOW_REFRESH_ALL_HINT("Check every account now (Ctrl+R)"),
    WINDOW_SETTINGS_ACCESSIBLE("Open settings"),
    TRAY_NO_ACCOUNTS_TOOLTIP("no accounts yet"),
    TRAY_NO_ACCOUNTS_MENU("No accounts yet"),
    TRAY_NOT_CHECKED("not checked yet"),
    TRAY_MORE("+{0} more"),
    TRAY_LOW("low"),
    TRAY_BELOW("{0} (below {1})"),
    TRAY_LOW_HIDDEN("{0} (low)"),
    TRAY_MENU_LINE("{0} — {1}"),
    TRAY_ITEM_PROBLEM("{0}: {1}"),
    TRAY_ITEM_PROBLEM_AT("{0}: {1} ({2})"),
    TRAY_ITEM("{0} {1}"),
    TRAY_ITEM_NOTES("{0} {1} ({2})"),
    TRAY_SPENT("{0} spent this month"),
    TRAY_KEY_NO_LIMIT("key has no limit"),
    TRAY_KEY_LEFT("{0} left on key"),
    TRAY_KEY_LIMIT("key limit {0}"),
    /** A menu row: the state's mark, then the line. */
    TRAY_ROW("{0} {1}"),
    TRAY_MARK_OK("✓"),
    TRAY_MARK_NO_DATA("○"),
    TRAY_MARK_STALE("◷"),
    TRAY_MARK_LOW("⚠"),
    TRAY_MARK_EMPTY("⊘"),
    TRAY_MARK_ERROR("✕"),
    /** The short tooltip's parts. */
    TRAY_TIP_ONE_OK("1 account ok"),
    TRAY_TIP_ALL_OK("{0} accounts ok"),
    TRAY_TIP_ONE_ATTENTION("1 needs attention"),
    TRAY_TIP_ATTENTION("{0} need attention"),
    TRAY_TIP_LOWEST("lowest {0}"),
    TRAY_TIP_CHECKING("checking {0} accounts"),

    // ---- the card's badge
    BADGE_LIVE("Live"),
    BADGE_LOW("Low"),
    BADGE_STALE("Stale {0}"),
    BADGE_ERROR("Error: {0}"),
    /** A used-up balance, key limit or estimate: {@link State#EMPTY}, red. */
    BADGE_EMPTY("Empty"),
    BADGE_DETAIL_EMPTY("Balance used up — API calls will fail until you top up; checked {0}"),
    BADGE_DETAIL_EMPTY_ESTIMATE("Your estimate is used up (your top-up minus the reported spend) — check the console; checked {0}"),
    /** A value is shown but the last check failed for a passing reason (the tray's clock): "Stale: timed out". */
    BADGE_STALE_FAILED("Stale: {0}"),
    BADGE_NO_KEY("No key"),
    BADGE_UNSUPPORTED("Not supported"),
    BADGE_PENDING("Checking…"),
    BADGE_DETAIL_LIVE("Checked {0}"),
    BADGE_DETAIL_LOW("{0}; checked {1}"),
    BADGE_DETAIL_STALE("Last checked {0}; the next check is due"),
    BADGE_DETAIL_PENDING("Waiting for the first answer"),
    CARD_UPDATED("updated {0}"),
    CARD_NOT_UPDATED("not updated yet"),
    /** {0} when the check failed ("12 min ago"), {1} the value shown, {2} when it was fetched ("14:05"). */
    CARD_LAST_FAILED("last check failed {0} — showing {1} from {2}"),
    CARD_LAST_FAILED_HIDDEN("last check failed {0} — showing the value from {1}"),
    CARD_LAST_FAILED_NOTHING("last check failed {0} — no balance yet"),
    CARD_CREDIT_LIMIT_POSTPAID("credit limit {0} (postpaid)"),
    CARD_CREDIT_LIMIT_HINT("{0} may also spend up to {1} on credit, billed afterwards (postpaid). It is not part of the balance above and not money you paid in."),
    CARD_OPEN_CONSOLE("Open console"),
    CARD_OPEN_CONSOLE_HINT("Open {0}'s console in the browser"),
    CARD_ADD_CREDITS("Add credits"),
    CARD_ADD_CREDITS_HINT("Open {0}'s top-up page in the browser"),
    SPARK_RANGE("last 7 days"),
    SPARK_MIN_MAX("min {0} · max {1} per 6 h"),
    SPARK_POINT("{0}: {1} spent"),
    SPARK_HINT("Spend per 6 hours over the last 7 days; click for 30 days"),
    CHART_TITLE("{0} — last 30 days"),
    CHART_BALANCE("Balance ({0})"),
    CHART_SPEND("Estimated spend per day ({0})"),
    CHART_NO_DATA("No history for the last 30 days yet"),
    CHART_LOADING("Reading the history…"),
    /** The card's button beside the sparkline (the sparkline itself can be clicked too). */
    CHART_OPEN("30 days…"),
    CHART_BACK("← Back to the accounts"),
    /** One day on hover: "22 Nov: balance ¥110.00 · spent ¥4.10". */
    CHART_DAY("{0}: {1}"),
    CHART_DAY_BOTH("{0} · {1}"),
    CHART_DAY_BALANCE("balance {0}"),
    CHART_DAY_SPENT("spent {0}"),

    // ---- the main window's summary header and footer
    WINDOW_ATTENTION_ONE("1 of {0} needs attention"),
    WINDOW_ATTENTION("{0} of {1} need attention"),
    WINDOW_ALL_OK_ONE("1 account ok"),
    WINDOW_ALL_OK("All {0} accounts ok"),
    WINDOW_CHECKING("Checking {0} accounts…"),
    WINDOW_TOTALS("Total {0}"),
    WINDOW_TOTALS_HINT("The balances shown, added up per currency. Tally never converts between currencies."),
    WINDOW_EMPTY_TITLE("Add your first account"),
    WINDOW_ADD_ACCOUNT("Add account…"),
    WINDOW_IMPORT_ENV("Import from environment"),
    CARD_REFRESHING("Refreshing this account"),
    CARD_REFRESH_ACCESSIBLE("Refresh this account"),
    CARD_REFRESH_HINT("Check this balance now"),
    CARD_EDIT_KEY("Edit key…"),
    CARD_EDIT_KEY_ACCESSIBLE("Edit the key of this account"),
    CARD_ACCESSIBLE("Balance card"),
    TOAST_TITLE("Tally notification"),
    WINDOW_NO_CHECKS("No checks yet"),
    WINDOW_LAST_CHECK("Last check {0}"),
    WINDOW_COMPACT("Compact"),
    /** The Compact toggle's face; {@link #WINDOW_COMPACT} is its spoken name. */
    WINDOW_COMPACT_GLYPH("☰"),
    WINDOW_COMPACT_HINT("One line per account; on by itself for more than {0} accounts"),
    CARD_LOW("Below your {0} alert"),
    CARD_LOW_HIDDEN("Below your alert"),
    CARD_NOT_AVAILABLE("The provider says this account cannot make API calls now"),
    CARD_PAID("paid {0}"),
    CARD_GRANTED("granted {0}"),
    CARD_CREDIT_LIMIT("credit limit {0}"),
    CARD_CREDITS_LEFT("credits left"),
    CARD_SPENT_THIS_MONTH("spent this month"),
    CARD_REPORTED_BY("reported by {0}"),
    CARD_KEY_NO_LIMIT("No limit"),
    CARD_ON_THIS_KEY("on this key"),
    CARD_KEY_USED("used {0}"),
    CARD_KEY_LIMIT("Key limit {0}"),
    CARD_KEY_LIMIT_RESETS("Key limit {0} · resets {1}"),
    CARD_LEFT_ON_KEY("left on this key"),
    CARD_LEFT_ON_KEY_UNKNOWN("left on this key (not reported)"),
    CARD_SPEND_PENDING("spend estimate appears after a few checks"),
    CARD_SPEND_WEEK_ESTIMATED("{0} spent this week (estimated)"),
    CARD_SPEND_SINCE_ESTIMATED("{0} spent since {1} (estimated)"),
    CARD_SPEND_WEEK_REPORTED("{0} spent this week (reported by {1})"),
    CARD_SPEND_SINCE_REPORTED("{0} spent since {1} (reported by {2})"),
    CARD_RUNWAY("≈ {0} days left at this pace"),

    // ---- the estimated balance (a known top-up minus the provider-reported spend since); never a reported balance
    ESTIMATE_CLI_LEFT("≈ {0} left (estimated from your {1} top-up)"),
    ESTIMATE_CLI_USED_UP("≈ {0} left — your estimate is used up, check the console (estimated from your {1} top-up)"),
    ESTIMATE_CLI_NONE("no estimate — {0}"),
    ESTIMATE_CAPTION("estimated left (unverified)"),
    ESTIMATE_BASIS("{0} on {1} − {2} reported since"),
    ESTIMATE_COUNTED_FROM("spend counted from {0}: {1} reports whole days, so the rest of {2} is not counted"),
    ESTIMATE_USED_UP("Your estimate is used up — check the console"),
    ESTIMATE_STALE("Estimate as of {0}: the reported spend is old"),
    ESTIMATE_NONE("No estimate: {0}"),
    ESTIMATE_TRAY("≈ {0} left (estimate)"),
    ESTIMATE_TRAY_USED_UP("estimate used up"),
    ESTIMATE_RUNWAY("≈ {0} days left at this pace (estimated)"),
    ESTIMATE_WAITING("waiting for {0}'s spend since your top-up"),
    ESTIMATE_CURRENCY("your top-up is in {0} but {1} reports spend in {2}; Tally never converts currencies"),
    ESTIMATE_TOO_OLD("your top-up is more than 400 days old; give a newer one"),

    RECONCILE_DISAGREE("Balance drops and reported usage disagree by {0} since {1} — another key, a leaked key or untracked usage?"),

    // ---- caveats beside the amounts (card notes; the command line's CLI_CAVEAT), see Caveats
    CAVEAT_POSTED_LEDGER("Posted ledger: can be higher than the console's figure by this billing cycle's spend that is not posted yet"),
    CAVEAT_KEY_EXPIRES("This key expires on {0}"),
    CAVEAT_KEY_EXPIRED("This key expired on {0}"),
    CLI_CAVEAT("{0} — {1}"),

    // ---- notifications ({0} is the account's label)
    ALERT_LOW("{0}: {1} left — below your {2} alert"),
    ALERT_UNAVAILABLE("{0}: the provider says this account cannot make API calls — check billing"),
    ALERT_USED_UP("{0}: {1} balance used up — API calls will fail until you top up"),
    ALERT_KEY_REJECTED("{0}: key rejected — {1}"),
    ALERT_KEY_LACKS_PERMISSION("{0}: key lacks permission — {1}"),
    ALERT_ESTIMATE_LOW("{0}: ≈ {1} left by your estimate (your top-up minus the reported spend) — below your {2} alert"),
    ALERT_ESTIMATE_USED_UP("{0}: your estimated balance is used up (your top-up minus the reported spend) — check the console"),
    ALERT_HIDDEN_ESTIMATE_LOW("{0}: estimated balance below your alert"),
    ALERT_SPEND_DISAGREES("{0}: the balance fell {1} more than the usage the provider reports since {2} — another key, a leaked key or untracked usage?"),
    ALERT_HIDDEN_SPEND_DISAGREES("{0}: the balance fell more than the reported usage"),
    NOTICE_SPEND_DISAGREES("{0}: spend does not add up"),
    /** A notification's title, naming the account. */
    NOTICE_LOW("{0} is low"),
    NOTICE_USED_UP("{0} is used up"),
    NOTICE_ESTIMATE_LOW("{0} is low (estimate)"),
    NOTICE_ESTIMATE_USED_UP("{0}: estimate used up"),
    NOTICE_KEY_REJECTED("{0}: key rejected"),
    NOTICE_KEY_LACKS_PERMISSION("{0}: key lacks permission"),
    /** The one notification for the alerts found by the first checks after start. */
    NOTICE_SUMMARY("{0} accounts need attention"),
    ALERT_HIDDEN_LOW("{0}: balance below your alert"),
    ALERT_HIDDEN_USED_UP("{0}: balance used up"),
    ALERT_HIDDEN_KEY_REJECTED("{0}: key rejected"),
    ALERT_HIDDEN_KEY_LACKS_PERMISSION("{0}: key lacks permission"),

    // ---- the card's currency and its accessible name
    CARD_CURRENCY_ASSUMED("The provider does not say the currency; {0} is assumed from the account's region"),
    CARD_AMOUNT_BELOW_ALERT("{0}, below your alert"),

    // ---- the desktop app's start (stderr, and a notification when no terminal)
    DESKTOP_ALREADY_RUNNING("Tally is already running; its window was brought forward."),
    DESKTOP_ALREADY_RUNNING_STUCK("Tally is already running (it did not answer; if it is stuck, end it and start again)."),
    DESKTOP_NO_SINGLE_INSTANCE("cannot make sure only one Tally runs ({0}); carrying on"),
    DESKTOP_NO_ENGINE_LOCK("cannot make sure no other Tally polls the same accounts ({0}); carrying on"),
    DESKTOP_NOT_STARTED("Tally is not started: {0}."),
    DESKTOP_NO_WINDOW("cannot open a window ({0}). Without a desktop, use the command line: tally --help");

    private final String english;

    Phrase(String english) {
        this.english = english;
    }

    /** The key of this phrase in the message bundles: {@code phrase.AGE_JUST_NOW}. */
    @Override
    public String key() {
        return "phrase." + name();
    }

    /** The English template, placeholders unfilled: the source of the English bundle. */
    @Override
    public String english() {
        return english;
    }

    /** The template in the current language ({@link Messages#language()}), placeholders unfilled. */
    public String template() {
        return Messages.template(key(), english);
    }

    /**
     * A key limit's reset period as the provider reports it ("daily", "weekly", "monthly") in the current language;
     * any other word as it is.
     */
    public static String resetPeriod(String reported) {
        return switch (reported) {
            case "daily" -> RESET_DAILY.say();
            case "weekly" -> RESET_WEEKLY.say();
            case "monthly" -> RESET_MONTHLY.say();
            default -> reported;
        };
    }
}
