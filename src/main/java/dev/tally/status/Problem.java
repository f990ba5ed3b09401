package dev.tally.status;

import dev.tally.core.FetchError;
import dev.tally.core.Messages;
import dev.tally.provider.ProviderInfo;

/**
 * The kind of a {@link FetchError} with its words: the one place that maps an error kind to what people read.
 * Every front end asks here; none switches over {@code FetchError} for wording.
 */
public enum Problem {
    AUTH_FAILED(Phrase.LABEL_AUTH_FAILED, Phrase.TITLE_AUTH_FAILED, Phrase.CLI_AUTH_FAILED, Phrase.REASON_AUTH_FAILED),
    FORBIDDEN(Phrase.LABEL_FORBIDDEN, Phrase.TITLE_FORBIDDEN, Phrase.CLI_FORBIDDEN, Phrase.REASON_FORBIDDEN),
    RATE_LIMITED(Phrase.LABEL_RATE_LIMITED, Phrase.TITLE_RATE_LIMITED, Phrase.CLI_RATE_LIMITED, Phrase.REASON_RATE_LIMITED),
    TIMEOUT(Phrase.LABEL_TIMEOUT, Phrase.TITLE_TIMEOUT, Phrase.CLI_TIMEOUT, Phrase.REASON_TIMEOUT),
    NETWORK_ERROR(Phrase.LABEL_NETWORK_ERROR, Phrase.TITLE_NETWORK_ERROR, Phrase.CLI_NETWORK_ERROR,
            Phrase.REASON_NETWORK_ERROR),
    BAD_RESPONSE(Phrase.LABEL_BAD_RESPONSE, Phrase.TITLE_BAD_RESPONSE, Phrase.CLI_BAD_RESPONSE, Phrase.REASON_BAD_RESPONSE),
    PROVIDER_ERROR(Phrase.LABEL_PROVIDER_ERROR, Phrase.TITLE_PROVIDER_ERROR, Phrase.CLI_PROVIDER_ERROR,
            Phrase.REASON_PROVIDER_ERROR),
    NO_KEY(Phrase.LABEL_NO_KEY, Phrase.TITLE_NO_KEY, Phrase.CLI_NO_KEY, Phrase.REASON_NO_KEY),
    UNSUPPORTED(Phrase.LABEL_UNSUPPORTED, Phrase.TITLE_UNSUPPORTED, Phrase.CLI_UNSUPPORTED, Phrase.REASON_UNSUPPORTED);

    private final Phrase label;
    private final Phrase title;
    private final Phrase commandLine;
    private final Phrase reason;

    Problem(Phrase label, Phrase title, Phrase commandLine, Phrase reason) {
        this.label = label;
        this.title = title;
        this.commandLine = commandLine;
        this.reason = reason;
    }

    /** The kind of {@code e}. */
    public static Problem of(FetchError e) {
        return switch (e) {
            case FetchError.AuthFailed a -> AUTH_FAILED;
            case FetchError.Forbidden f -> FORBIDDEN;
            case FetchError.RateLimited r -> RATE_LIMITED;
            case FetchError.Timeout t -> TIMEOUT;
            case FetchError.NetworkError n -> NETWORK_ERROR;
            case FetchError.BadResponse b -> BAD_RESPONSE;
            case FetchError.ProviderError p -> PROVIDER_ERROR;
            case FetchError.NoKey k -> NO_KEY;
            case FetchError.Unsupported u -> UNSUPPORTED;
        };
    }

    /** A few words inside a line: "key rejected" (tray, card badge). */
    public String label() {
        return label.say();
    }

    /** A few words starting a sentence: "Key rejected" (the settings Test, the card's side note). */
    public String title() {
        return title.say();
    }

    /** The command line's text: the kind, then the detail ("key rejected — the key was rejected by …"). */
    public String commandLine(String detail) {
        return commandLine.say(detail);
    }

    /**
     * One line on the card saying what went wrong and what to do.
     *
     * @param provider   the provider's name
     * @param hasRegions the provider has regions to choose from (a rejected key may be for the other one)
     */
    public String cardReason(String provider, boolean hasRegions) {
        if (this == AUTH_FAILED && hasRegions) {
            return Phrase.REASON_AUTH_FAILED_OR_REGION.say();
        }
        return reason.say(provider);
    }

    /** True for problems that pass by themselves (Tally asks again): a value shown is merely stale, not wrong. */
    public boolean passing() {
        return this == TIMEOUT || this == NETWORK_ERROR || this == RATE_LIMITED;
    }

    /**
     * Why Tally cannot read {@code info}'s balance, in the current language: the catalog's own sentence in English,
     * the bundle's {@code provider.<id>.unsupported} in a translation that has it; {@code null} for a provider Tally
     * can read.
     */
    public static String unsupportedReason(ProviderInfo info) {
        String english = info.unsupportedReason();
        return english == null ? null : Messages.find("provider." + info.id().value() + ".unsupported").orElse(english);
    }
}
