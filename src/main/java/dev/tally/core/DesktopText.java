package dev.tally.core;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Engine and provider messages said the desktop's way. Messages are written once, for every front end, and their
 * advice names command-line flags and commands ({@code check the region (--region)}, {@code pass --team-id TEAM_ID},
 * {@code run 'tally keys set ID'}); the command line prints them as they are, and the widget, tray and notifications
 * pass them through here at display time so the advice names the place in Settings instead. Anything else is left
 * as it is. Stateless and thread-safe.
 */
public final class DesktopText {
    private record Rule(Pattern pattern, String widget, String settings) {
        String apply(String text, boolean inSettings) {
            return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(inSettings ? settings : widget));
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("check the region \\(--region\\)"), "check Settings → Region",
                    "check the Region above"),
            new Rule(Pattern.compile("add it with 'tally accounts edit [^']* --team-id TEAM_ID'(?: \\(or in Settings\\))?"),
                    "enter the Team id in Settings", "enter the Team id above"),
            new Rule(Pattern.compile("pass --team-id TEAM_ID"), "enter the Team id in Settings", "enter the Team id above"),
            new Rule(Pattern.compile("run 'tally keys set [^']*'"), "enter the key in Settings", "enter the key above"),
            new Rule(Pattern.compile("set it with 'tally keys set' or "), "enter it in Settings or set ", "enter it above or set "),
            new Rule(Pattern.compile("use 'tally keys set'"), "enter them in Settings", "enter them above"),
            new Rule(Pattern.compile(" \\(--[a-z-]+\\)"), "", ""));

    private DesktopText() {
    }

    /** For the widget, the tray and notifications: command-line advice becomes "… in Settings". {@code null} stays {@code null}. */
    public static String of(String message) {
        return rewrite(message, false);
    }

    /** For the settings window itself, where the fields are right there: "… above". {@code null} stays {@code null}. */
    public static String inSettings(String message) {
        return rewrite(message, true);
    }

    private static String rewrite(String message, boolean inSettings) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (Rule r : RULES) {
            out = r.apply(out, inSettings);
        }
        return out;
    }
}
