package dev.tally.status;

import dev.tally.core.Messages;
import dev.tally.provider.AccountField;
import dev.tally.core.ProviderId;
import dev.tally.provider.KeySlot;

/**
 * The catalog's words for people in the current language: where a key is made ({@link KeySlot#description()}),
 * a provider field's label and hint ({@link AccountField}). English is the catalog's, the single source; a
 * translation lives in the hand-written part of the bundle ({@code provider.<id>.key.<slot>},
 * {@code provider.field.<field>.label}, {@code provider.field.<field>.description}). Console paths, product names
 * and header names stay as the providers write them. Stateless and thread-safe.
 */
public final class CatalogWords {
    private CatalogWords() {
    }

    /** Bundle key of a key slot's description. */
    public static String keyKey(ProviderId provider, KeySlot slot) {
        return "provider." + provider.value() + ".key." + slot.name();
    }

    /** "DeepSeek API key (platform.deepseek.com → API keys)", or its translation. */
    public static String keyDescription(ProviderId provider, KeySlot slot) {
        return Messages.find(keyKey(provider, slot)).orElse(slot.description());
    }

    /** Bundle key of a field's label ({@code part} "label") or description ({@code "description"}). */
    public static String fieldKey(AccountField field, String part) {
        return "provider.field." + field.id() + "." + part;
    }

    /** "Team id", or its translation. */
    public static String fieldLabel(AccountField field) {
        return Messages.find(fieldKey(field, "label")).orElse(field.label());
    }

    /** "The team id from the console", or its translation; empty when the catalog has none. */
    public static String fieldDescription(AccountField field) {
        return field.description().isEmpty() ? "" : Messages.find(fieldKey(field, "description")).orElse(field.description());
    }
}
