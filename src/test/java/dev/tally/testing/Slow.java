package dev.tally.testing;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that starts a toolkit (JavaFX under Monocle), a D-Bus daemon or keyring, or child processes: seconds
 * rather than milliseconds. {@code ./mvnw test -DexcludedGroups=slow} runs the fast set alone; {@code ./mvnw verify}
 * runs everything.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
