package dev.tally.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A sentence of a {@link Wording} enum with its arguments, said in the language of the moment it is read: a
 * {@link FetchError}'s message is made on a fetch thread but read later by a card, the command line (in Chinese) or a
 * JSON document and the history (in English, inside {@link Messages#inEnglish}). {@link #toString()} says it; an
 * argument that is itself a {@code Text} is said in the same language. {@link #plain} wraps words that have no
 * translation (a provider's own error text, a test's message).
 *
 * <p>Immutable and thread-safe (the arguments are strings, numbers and other {@code Text}s).
 *
 * @param key     the bundle key ({@code fetch.HTTP_AUTH}), {@code null} for {@link #plain} words
 * @param english the English template, or the plain words
 * @param args    the arguments in order (may hold {@code null})
 */
public record Text(String key, String english, List<Object> args) {
    public Text {
        Objects.requireNonNull(english, "english");
        args = args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    /** {@code wording} with {@code args}. */
    public static Text of(Wording wording, Object... args) {
        return new Text(wording.key(), wording.english(), Arrays.asList(args));
    }

    /** Words said as they are in every language. */
    public static Text plain(String words) {
        return new Text(null, Objects.requireNonNull(words, "words"), List.of());
    }

    /** The sentence in the current language ({@link Messages#language()}). */
    @Override
    public String toString() {
        return key == null ? english : Messages.fill(key, Messages.template(key, english), args.toArray());
    }
}
