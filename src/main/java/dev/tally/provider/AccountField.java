package dev.tally.provider;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A setting an account of one provider needs besides its keys, declared by the provider as it declares its
 * {@link KeySlot key slots}: xAI's team id today; a Cloudflare account id, a relay's base URL or a LiteLLM proxy URL
 * tomorrow. Accounts keep the values in a map under {@link #id()}; the command line ({@code --field ID=VALUE} and the
 * shorthand {@link #option()}) and the settings form offer the fields of the chosen provider without naming any.
 *
 * @param id          stable name in {@code accounts.json} and on the command line, e.g. {@code team_id}
 * @param label       what a form calls it, e.g. "Team id"
 * @param noun        how a sentence names one, with its article: "a team id"
 * @param description where to find the value, shown under the field, e.g. "The team id from the console"
 * @param required    whether a balance cannot be fetched without it (from the account, else {@link #envVar()}); an
 *                    account may still be saved without it (the variable may be set later)
 * @param envVar      environment variable used when the account has no value, or {@code null}
 * @param check       what a value must look like (see {@link #ONE_LINE}, {@link #URL})
 */
public record AccountField(String id, String label, String noun, String description, boolean required, String envVar,
                           Check check) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern NOT_ONE_LINE = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]");

    /** Why a value cannot be used, as a clause ("a team id must be one line …"), or empty. Thread-safe, no I/O. */
    @FunctionalInterface
    public interface Check {
        Optional<String> problem(AccountField field, String value);
    }

    /** Any text on one line: no control characters, line breaks or bidi overrides. */
    public static final Check ONE_LINE = (f, v) -> NOT_ONE_LINE.matcher(v).find()
            ? Optional.of(f.noun() + " must be one line without control characters") : Optional.empty();

    /** A base URL by the {@link BaseUrls} rule (https, or http to this computer). */
    public static final Check URL = (f, v) -> {
        try {
            BaseUrls.parse(v);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    };

    public AccountField {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("field id '" + id + "' must be lower-case letters, digits and underscores");
        }
        if (label == null || label.isBlank() || noun == null || noun.isBlank()) {
            throw new IllegalArgumentException("field " + id + " needs a label and a noun");
        }
        description = description == null ? "" : description;
        Objects.requireNonNull(check, "check");
    }

    /** The command-line shorthand for {@code --field ID=VALUE}: {@code team_id} → {@code --team-id}. */
    public String option() {
        return option(id);
    }

    /** What stands for a value in help and advice: {@code TEAM_ID}. */
    public String placeholder() {
        return placeholder(id);
    }

    /** The one rule for a field's command-line option: {@code some_id} → {@code --some-id}. */
    public static String option(String fieldId) {
        return "--" + fieldId.replace('_', '-');
    }

    /** The one rule for a field value's placeholder in commands and help: {@code some_id} → {@code SOME_ID}. */
    public static String placeholder(String fieldId) {
        return fieldId.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Why {@code value} cannot be kept, or empty; a blank value is fine (it means "not set"). */
    public Optional<String> problem(String value) {
        return value == null || value.isBlank() ? Optional.empty() : check.problem(this, value.strip());
    }
}
