package dev.tally.provider;

import dev.tally.core.Wording;

/**
 * What the HTTP layer and the providers say when a balance cannot be read: the messages of {@code FetchError}s,
 * clauses that the status vocabulary puts after the kind ("key rejected — the key was rejected by api.deepseek.com
 * (HTTP 401)"). Made as {@link dev.tally.core.Text} so that they are said when read: in the chosen language on a card
 * or the command line, in English in {@code --json}, the history and logs. Host names, HTTP codes, field names and
 * the providers' own words are arguments, never translated. Keys {@code fetch.NAME}; English bundle generated from
 * here ({@code scripts/i18n/bundle.py}).
 */
public enum FetchPhrase implements Wording {
    // ---- the request
    REFUSING_TO_SEND("refusing to send a key: {0}"),
    NOT_SENT("not sent: {0}"),
    NO_COMPLETE_ANSWER("no complete answer from {0} within {1} s"),
    CANCELLED("the request to {0} was cancelled"),
    PROXY_LOGIN("the proxy asks for a login; Tally does not send proxy credentials — add {0} to NO_PROXY if it can be reached directly, or point the proxy variable at a proxy that needs no login (e.g. a local forwarder such as cntlm or px that logs in for you)"),
    PROXY_AT_LOGIN("the proxy at {0} asks for a login; Tally does not send proxy credentials — add {1} to NO_PROXY if it can be reached directly, or point the proxy variable at a proxy that needs no login (e.g. a local forwarder such as cntlm or px that logs in for you)"),
    THROUGH_PROXY("{0} through proxy {1}"),

    // ---- the connection
    TOO_LARGE("the answer from {0} is larger than {1} KiB; refusing to read it"),
    CONNECT_TIMEOUT("could not connect to {0} within {1} s"),
    ANSWER_TIMEOUT("no answer from {0} within {1} s"),
    CUT_OFF("the answer from {0} was cut off before it was complete"),
    UNRESOLVED("could not resolve {0} (offline, or a DNS problem?)"),
    REFUSED_CONNECTION("could not connect to {0} (connection refused or unreachable)"),
    TLS_FAILED("secure connection to {0} failed: {1}"),
    NETWORK("network error talking to {0} ({1})"),
    UNKNOWN_ERROR("unknown error"),

    // ---- the answer
    EMPTY("empty answer from {0} (HTTP {1})"),
    HTML("{0} (HTTP {1}) answered with an HTML page instead of JSON (a login, proxy or outage page? check the base URL)"),
    JSON_ENDS_EARLY("the answer from {0} (HTTP {1}) is not valid JSON: it ends in the middle of a value after {2} bytes (cut off?)"),
    JSON_MALFORMED("the answer from {0} (HTTP {1}) is not valid JSON (malformed)"),
    JSON_MALFORMED_NEAR("the answer from {0} (HTTP {1}) is not valid JSON (malformed near {2})"),
    JSON_TRAILING("the answer from {0} (HTTP {1}) is not valid JSON: more text follows the JSON value (two answers joined, or garbage from a proxy?)"),
    JSON_TRAILING_AT("the answer from {0} (HTTP {1}) is not valid JSON: more text follows the JSON value at {2} (two answers joined, or garbage from a proxy?)"),
    POSITION("line {0}, column {1}"),
    POSITION_BYTE("line {0}, column {1}, byte {2}"),
    UNREADABLE("the answer from {0} (HTTP {1}) could not be read"),

    // ---- HTTP statuses ({1} is "HTTP 401" or "HTTP 401: the provider's own words")
    REDIRECT("{0} answered with a redirect (HTTP {1}); Tally never follows redirects so your key stays with the host you configured — check the base URL"),
    REDIRECT_TO("{0} answered with a redirect (HTTP {1} to {2}); Tally never follows redirects so your key stays with the host you configured — check the base URL"),
    ANOTHER_ADDRESS("another address"),
    HTTP_AUTH("the key was rejected by {0} ({1})"),
    HTTP_FORBIDDEN("the key is not allowed to read this at {0} ({1})"),
    HTTP_RATE_LIMITED("rate limited by {0} ({1})"),
    HTTP_RATE_LIMITED_RETRY("rate limited by {0} ({1}); retry in {2} s"),
    HTTP_GONE("endpoint unavailable at {0} ({1}); the provider may have moved or retired it"),
    HTTP_SERVER_ERROR("{0} had a server error ({1}); try again later"),
    HTTP_REFUSED("{0} refused the request ({1})"),
    HTTP_STATUS_SAID("HTTP {0}: {1}"),

    // ---- proxy variables
    PROXY_NOT_AN_ADDRESS("{0} is not a proxy address (write e.g. http://proxy.example:3128)"),
    PROXY_SCHEME("{0} uses {1}://; Tally supports plain http:// proxies (requests to providers are still encrypted end to end through them)"),
    PROXY_HAS_LOGIN("{0} contains a user name and password; proxies that need a login are not supported yet — use one that does not, or set NO_PROXY for the provider hosts"),
    PROXY_NO_HOST("{0} has no host (write e.g. http://proxy.example:3128)"),

    // ---- the account's settings
    NO_KEY_FOR("no {0} key for {1}"),
    UNKNOWN_REGION("unknown region '{0}' for {1}; use one of {2}"),

    // ---- the answer's contents ({0} says where in the answer, e.g. "DeepSeek /user/balance")
    FIELD("{0}: field '{1}'"),
    FIELD_MISSING("{0}: field '{1}' is missing"),
    FIELD_NOT_OBJECT("{0}: field '{1}' is not an object"),
    FIELD_NOT_LIST("{0}: field '{1}' is not a list"),
    FIELD_NOT_BOOLEAN("{0}: field '{1}' is not true/false"),
    NOT_OBJECT("{0}: expected a JSON object"),
    IS_NOT_OBJECT("{0} is not an object"),
    AMOUNT_LONG_TEXT("{0} is not a plausible amount: a text of {1} characters, {2}"),
    NOT_A_NUMBER("{0} is not a number: {1}"),
    AMOUNT_EXPONENT("{0} is not a plausible amount: the exponent of {1} is out of range"),
    NOT_A_NUMBER_TYPE("{0} is not a number (got {1})"),
    AMOUNT_INTEGER_DIGITS("{0} is not a plausible amount: {1} has {2} digits before the decimal point (at most {3})"),
    AMOUNT_FRACTION_DIGITS("{0} is not a plausible amount: {1} has {2} digits after the decimal point (at most {3})"),

    // ---- an error envelope instead of figures ({1} the provider; withSaid adds the provider's own words)
    ERROR_INSTEAD_OF_BALANCE("{0}: {1} answered with an error instead of a balance"),
    ERROR_INSTEAD_OF_CREDITS("{0}: {1} answered with an error instead of credits"),
    ERROR_INSTEAD_OF_DATA("{0}: {1} answered with an error instead of data"),
    ERROR_INSTEAD_OF_SPEND("{0}: {1} answered with an error instead of the key's spend"),
    PROXY_ERROR_INSTEAD_OF_FIGURES("{0}: the proxy answered with an error instead of figures"),
    RELAY_ERROR_INSTEAD_OF_FIGURES("{0}: the relay answered with an error instead of figures"),
    REPORTED_ERROR_BALANCE("{0}: {1} reported an error instead of a balance"),
    REPORTED_ERROR_BALANCE_CODES("{0}: {1} reported an error instead of a balance ({2})"),
    SAID("{0}: {1}"),
    CURRENCY_MISSING("{0}: currency is missing"),
    OPENROUTER_ZERO_CREDITS("OpenRouter reported 0 credits and 0 usage; keys that cannot read the account's credits get this answer, so check that the key in the management slot ({0}) is a management key from openrouter.ai/settings/management-keys"),
    CURRENCY_NOT_ISO("{0}: currency {1} is not an ISO code"),
    LISTS_TWICE("{0} lists {1} twice"),
    NO_CURRENCY("{0}: {1} is empty (no currency reported)"),

    // ---- a provider's own advice after the HTTP layer's words
    WITH_HINT("{0}; {1}"),
    AND_ALSO("{0}; and {1}"),
    HINT_ANTHROPIC_ADMIN("the cost report needs an Anthropic Admin key (sk-ant-admin…)"),
    HINT_ANTHROPIC_ADMIN_ORG("the cost report needs an Anthropic Admin key (sk-ant-admin…) of an organization"),
    HINT_CLOUDFLARE_TOKEN("Cloudflare needs an API token with AI Gateway Read here"),
    HINT_CLOUDFLARE_SCOPE("the token must have AI Gateway Read on this account (and the account id must be its own)"),
    HINT_CLOUDFLARE_ACCOUNT("check the account id, and that unified billing is set up for AI Gateway on it"),
    HINT_FEATHERLESS_ADMIN("Featherless shows the credits only to a key of an organization Admin (the manage_billing permission)"),
    HINT_OPENAI_ADMIN("OpenAI costs need an organization Admin key (sk-admin-…)"),
    HINT_OPENAI_ADMIN_PROJECT("OpenAI costs need an organization Admin key (sk-admin-…), project keys cannot read them"),
    HINT_OPENROUTER_MANAGEMENT("OpenRouter's credit balance needs a management key (create one at openrouter.ai/settings/management-keys; an ordinary API key is refused)"),
    HINT_REQUESTY_DISABLED("a Requesty key may always read itself, so the key may be disabled or restricted"),
    HINT_REQUESTY_ENDPOINT("Requesty's key endpoint is api-v2.requesty.ai/v1/manage/apikey/self (the Key Management API is an Enterprise feature)"),
    HINT_SILICONFLOW_INTERNATIONAL("api.siliconflow.com takes keys of the international site (cloud.siliconflow.com), not of the China site"),
    HINT_STEPFUN_REGION("the key may be for the other StepFun region (china = api.stepfun.com, global = api.stepfun.ai)"),
    HINT_XAI_MANAGEMENT("xAI needs a management key here (console.x.ai → Settings → Management Keys), not an inference key"),
    HINT_XAI_TEAM("the management key must belong to this team and be allowed to read billing"),
    HINT_XAI_NO_PREPAID("xAI has no prepaid balance for this team id (wrong team id, or a postpaid-only team)"),
    HINT_ZENMUX_MANAGEMENT("ZenMux's balance needs a management API key, not an ordinary API key"),
    MOONSHOT_REGION("{0}. Moonshot keys are bound to a region (api.moonshot.ai = global, api.moonshot.cn = china); this account uses '{1}'"),
    SILICONFLOW_CHINA_RETIRED("SiliconFlow retired the balance API of its China site (api.siliconflow.cn) on {0} (HTTP {1}); the console at cloud.siliconflow.cn shows the balance"),
    HTTP_RATE_LIMITED_REQUEST("{0} rate limited the request ({1})"),
    BUDGET_NOT_SHOWN("{0}'s budget is not shown, so less may be left than this: {1}"),
    CREDITS_NOT_SHOWN("the account's credit balance is not shown: {0}"),
    LIMIT_NOT_SHOWN("the key's limit is not shown: {0}"),
    KEY_MANAGEMENT("the management key ({0})"),
    KEY_ORDINARY("the ordinary API key ({0})"),
    NAMED_KEY_REJECTED("{0} was rejected by {1} ({2})"),
    NAMED_KEY_FORBIDDEN("{0} is not allowed to read this at {1} ({2})"),
    NAMED_KEY("{0}: {1}"),
    NO_OPENROUTER_KEY("no key for {0}: a management key ({1}) reads the account balance, an API key ({2}) that key's limit"),
    NO_CLOUDFLARE_ACCOUNT("no Cloudflare account id for {0}"),
    NO_XAI_TEAM("no xAI team id for {0}"),
    NO_FIELD("no {0} for {1}"),
    FIELD_UNUSABLE("the {0} for {1} cannot be used: {2}"),
    FIELD_PROBLEM("{0} ({1})"),

    // ---- the poller (keys, bugs)
    KEY_COMMAND_FAILED("no key for {0}: {1} — fix it or change it with 'tally keys command {2} -- …'"),
    KEYCHAIN_UNREADABLE("could not read the key for {0} from the keychain: {1}; Tally asks again at the next refresh"),
    KEYCHAIN_FAILED_OR_SLOW("it failed or did not answer in time (the log says which)"),
    NO_KEY("no key for {0}"),
    NO_KEY_BECAUSE("no key for {0} ({1})"),
    UNKNOWN_PROVIDER("unknown provider {0}"),
    UNEXPECTED("unexpected error while checking {0}: {1} (a bug in Tally; --debug prints where it happened)"),
    INTERNAL_ERROR("internal error"),
    INTERNAL_ERROR_OF("internal error ({0})"),
    CANCELLED_SHORT("cancelled");
    private final String english;

    FetchPhrase(String english) {
        this.english = english;
    }

    /** {@code what}, then ": " and the provider's own words when it gave any (quoted, redacted). */
    public static dev.tally.core.Text withSaid(dev.tally.core.Text what, String said) {
        return said == null || said.isEmpty() ? what : SAID.text(what, said);
    }

    @Override
    public String key() {
        return "fetch." + name();
    }

    @Override
    public String english() {
        return english;
    }
}
