package dev.tally.core;

/**
 * A wording enum of a room below {@code status} (the HTTP layer's errors, the keychain's, the settings file's, the
 * notifications' words): each constant one whole sentence in English with numbered placeholders, its key in the
 * bundles {@code prefix.NAME}. The English bundle is generated from these enums ({@code scripts/i18n/bundle.py}).
 *
 * <p>Implementations are enums: stateless and thread-safe.
 */
public interface Wording {
    /** The bundle key: {@code fetch.HTTP_AUTH}. */
    String key();

    /** The English template, placeholders unfilled. */
    String english();

    /** The constant's name, for errors. */
    String name();

    /** The sentence now, in the current language ({@link Messages#language()}), {@code {n}} filled verbatim. */
    default String say(Object... args) {
        return Messages.fill(name(), Messages.template(key(), english()), args);
    }

    /** The sentence to be said when it is read ({@link Text#toString()}), in the language of that moment. */
    default Text text(Object... args) {
        return Text.of(this, args);
    }
}
