package dev.tally.status;

import dev.tally.core.Language;
import dev.tally.core.Messages;

import java.time.Duration;
import java.time.Instant;

/**
 * How old something is, how long a wait is and when something happened, in words of the current language
 * ({@link Messages#language()}), the same in every front end. Stateless and thread-safe;
 * the clock is always an argument.
 */
public final class Ages {
    private Ages() {
    }

    /** "just now" (under a minute, or in the future), "3 min ago", "2 h ago", "1 day ago", "3 days ago". */
    public static String ago(Instant at, Instant now) {
        long seconds = Duration.between(at, now).toSeconds();
        if (seconds < 60) {
            return Phrase.AGE_JUST_NOW.say();
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return Phrase.AGE_MINUTES.say(minutes);
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return Phrase.AGE_HOURS.say(hours);
        }
        long days = hours / 24;
        return days == 1 ? Phrase.AGE_ONE_DAY.say() : Phrase.AGE_DAYS.say(days);
    }

    /** A planned wait: "45 s" under two minutes, else whole minutes ("31 min"), rounded up: never shorter than the real wait. */
    public static String wait(Duration d) {
        long ms = Math.max(0, d.toMillis());
        long s = (ms + 999) / 1000;
        return s < 120 ? Phrase.SPAN_SECONDS.say(s) : Phrase.SPAN_MINUTES.say((s + 59) / 60);
    }

    /** A moment in the last days, on this computer's clock, in the current language: "Tue 14:05", "周二 14:05". */
    public static String weekdayTime(Instant at, java.time.ZoneId zone) {
        return pattern("EEE HH:mm").format(at.atZone(zone));
    }

    /** A moment this year, on this computer's clock, in the current language: "2 Dec 14:05", "12月2日 14:05". */
    public static String dayTime(Instant at, java.time.ZoneId zone) {
        return pattern(Messages.language() == Language.SIMPLIFIED_CHINESE ? "M月d日 HH:mm" : "d MMM HH:mm")
                .format(at.atZone(zone));
    }

    /** A day of the month, in the current language: "22 Nov", "11月22日" (a chart's axis, a day's row). */
    public static String dayMonth(java.time.LocalDate day) {
        return pattern(Messages.language() == Language.SIMPLIFIED_CHINESE ? "M月d日" : "d MMM").format(day);
    }

    /** A day, in the current language: "2 Dec 2026", "2026年12月2日". */
    public static String date(java.time.LocalDate day) {
        return pattern(Messages.language() == Language.SIMPLIFIED_CHINESE ? "y年M月d日" : "d MMM y").format(day);
    }

    /** A time of day: "14:05" (24 hours in both languages). */
    public static String time(Instant at, java.time.ZoneId zone) {
        return pattern("HH:mm").format(at.atZone(zone));
    }

    private static java.time.format.DateTimeFormatter pattern(String p) {
        return java.time.format.DateTimeFormatter.ofPattern(p, Messages.locale());
    }

    /** For how long a value has been old: "25 min" under two hours, else whole hours ("3 h"), rounded down. */
    public static String since(Instant at, Instant now) {
        long m = Math.max(0, Duration.between(at, now).toMinutes());
        return m < 120 ? Phrase.SPAN_MINUTES.say(m) : Phrase.SPAN_HOURS.say(m / 60);
    }
}
