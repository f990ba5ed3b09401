package dev.tally.hooks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A program to run for one event: the program and its arguments, run without a shell.
 *
 * @param event   one of {@link HookEvent#EVENTS}
 * @param command the program and its arguments; not empty
 */
public record Hook(String event, List<String> command) {
    public Hook {
        Objects.requireNonNull(event, "event");
        problem(event, command).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        command = List.copyOf(command);
    }

    /** Why this cannot be a hook, in words, or empty. */
    public static Optional<String> problem(String event, List<String> command) {
        if (!HookEvent.EVENTS.contains(event)) {
            return Optional.of("'" + event + "' is not an event; use one of " + String.join(", ", HookEvent.EVENTS));
        }
        if (command == null || command.isEmpty() || command.getFirst() == null || command.getFirst().isBlank()) {
            return Optional.of("the hook needs a program to run");
        }
        if (command.stream().anyMatch(a -> a == null || a.indexOf('\0') >= 0)) {
            return Optional.of("a hook argument contains a NUL character");
        }
        return Optional.empty();
    }

    /** One line: {@code low_balance: notify-send Tally}. */
    public String describe() {
        return event + ": " + String.join(" ", command);
    }
}
