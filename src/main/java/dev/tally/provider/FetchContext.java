package dev.tally.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Remedy;
import dev.tally.core.Secret;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Everything one fetch may use: the account's settings, its keys, the shared HTTP path and a clock.
 * Providers build requests only through {@link #getJson}, so the HTTP rules and secret redaction
 * apply to every provider alike.
 */
public record FetchContext(ProviderInfo info, ProviderTarget target, Credentials credentials, HttpFetch http,
                           Clock clock) {

    /** The region in effect (the account's, else the provider's default). */
    public Region region() throws FetchException {
        return info.region(target.region()).orElseThrow(() -> new FetchException(new FetchError.BadResponse(
                FetchPhrase.UNKNOWN_REGION.text(target.region(), info.displayName(), info.selectableRegions()))));
    }

    /** The documented path on this account's origin (base URL rule applied). */
    public URI uri(String pathAndQuery) throws FetchException {
        URI base = target.baseUrl() != null ? target.baseUrl() : region().origin();
        return BaseUrls.resolve(base, pathAndQuery);
    }

    /** The key in {@code slot}, or a {@code no_key} error whose remedy is to set that key. */
    public Secret key(String slot) throws FetchException {
        return credentials.get(slot).orElseThrow(() -> {
            List<String> env = info.slot(slot).map(KeySlot::envVar).stream().toList();
            // the slot is named only where there is a choice of slots
            String named = info.keySlots().size() > 1 ? slot : null;
            return new FetchException(new FetchError.NoKey(FetchPhrase.NO_KEY_FOR.text(slot, target.accountLabel()),
                    new Remedy.SetKey(target.accountId(), named, env)));
        });
    }

    /** GET {@code pathAndQuery} on this account's origin and parse the JSON body; see {@link HttpFetch#getJson}. */
    public JsonNode getJson(String pathAndQuery, Map<String, String> headers) throws FetchException {
        return http.getJson(new HttpFetch.Call(target.accountLabel(), uri(pathAndQuery), headers, credentials.all()));
    }

    /** Cleans values from this fetch's answers for messages: knows every key of the account. */
    public Redactor redactor() {
        return Redactor.of(credentials.all());
    }

    /** The bearer header most providers document. */
    public static Map<String, String> bearer(Secret key) {
        return Map.of("Authorization", "Bearer " + key.reveal());
    }
}
