package dev.tally.account;

import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One configured account. Holds no key: keys live in the keychain under the account {@link #id()}.
 *
 * @param id              unique slug, e.g. {@code deepseek-work}
 * @param provider        provider id
 * @param label           what people see, e.g. "DeepSeek (work)"
 * @param region          region id ({@code global}/{@code china}) or {@code null} for the provider default
 * @param baseUrl         replaces the documented origin, or {@code null}
 * @param fields          values of the provider's declared fields ({@code dev.tally.provider.AccountField}) by field
 *                        id, e.g. xAI's {@code team_id}; blank values are dropped; {@code null} means none
 * @param threshold       low-balance alert level in one currency, or {@code null} for no alert
 * @param intervalMinutes polling interval in minutes (at least {@value #MIN_INTERVAL})
 * @param keyCommands     key slot name ({@code api}, {@code management}, …) to the command that prints that key
 *                        (program and arguments, run without a shell); not secret, the key it prints is. Empty
 *                        (never {@code null}) when every key comes from the keychain or the environment
 * @param topUps          what the person said they had after top-ups, oldest first (at most {@value #MAX_TOP_UPS}, one
 *                        per instant); the newest is the basis of the estimated balance ({@link #topUp()}), the older
 *                        ones are kept as a record
 */
public record Account(String id, ProviderId provider, String label, String region, URI baseUrl,
                      Map<String, String> fields, Money threshold, int intervalMinutes,
                      Map<String, List<String>> keyCommands, List<KnownTopUp> topUps) {
    public static final int DEFAULT_INTERVAL = 5;
    public static final int MIN_INTERVAL = 1;
    public static final int MAX_INTERVAL = 24 * 60;
    /** Top-ups kept per account; older ones beyond this are dropped. */
    public static final int MAX_TOP_UPS = 50;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern FIELD_ID = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    /** Control characters (newline, tab, …), Unicode line breaks and bidi overrides: they break one-line outputs. */
    private static final Pattern NOT_ONE_LINE = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]");

    public Account {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("account id '" + id
                    + "' must be lower-case letters, digits and dashes (at most 64)");
        }
        Objects.requireNonNull(provider, "provider");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("account " + id + " needs a label");
        }
        label = label.strip();
        if (intervalMinutes < MIN_INTERVAL || intervalMinutes > MAX_INTERVAL) {
            throw new IllegalArgumentException("interval must be between " + MIN_INTERVAL + " and " + MAX_INTERVAL
                    + " minutes, got " + intervalMinutes);
        }
        if (threshold != null && threshold.isNegative()) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
        region = region == null || region.isBlank() ? null : region.strip();
        TreeMap<String, String> kept = new TreeMap<>();
        if (fields != null) {
            for (Map.Entry<String, String> e : fields.entrySet()) {
                if (e.getKey() == null || !FIELD_ID.matcher(e.getKey()).matches()) {
                    throw new IllegalArgumentException("account " + id + " has a field named '" + e.getKey()
                            + "'; field names are lower-case letters, digits and underscores");
                }
                if (e.getValue() != null && !e.getValue().isBlank()) {
                    kept.put(e.getKey(), e.getValue().strip());
                }
            }
        }
        fields = Collections.unmodifiableMap(kept);
        TreeMap<String, List<String>> commands = new TreeMap<>();
        if (keyCommands != null) {
            keyCommands.forEach((slot, argv) -> {
                keyCommandProblem(argv).ifPresent(p -> {
                    throw new IllegalArgumentException("account " + id + ": the key command for the " + slot
                            + " key " + p);
                });
                commands.put(slot, List.copyOf(argv));
            });
        }
        keyCommands = Collections.unmodifiableMap(commands);
        TreeMap<java.time.Instant, KnownTopUp> byTime = new TreeMap<>();
        if (topUps != null) {
            for (KnownTopUp t : topUps) {
                byTime.put(Objects.requireNonNull(t, "top-up").at(), t);
            }
        }
        List<KnownTopUp> sorted = new ArrayList<>(byTime.values());
        topUps = List.copyOf(sorted.subList(Math.max(0, sorted.size() - MAX_TOP_UPS), sorted.size()));
    }

    /** An account whose keys all come from the keychain or the environment. */
    public Account(String id, ProviderId provider, String label, String region, URI baseUrl,
                   Map<String, String> fields, Money threshold, int intervalMinutes) {
        this(id, provider, label, region, baseUrl, fields, threshold, intervalMinutes, Map.of(), List.of());
    }

    /** An account without known top-ups. */
    public Account(String id, ProviderId provider, String label, String region, URI baseUrl,
                   Map<String, String> fields, Money threshold, int intervalMinutes,
                   Map<String, List<String>> keyCommands) {
        this(id, provider, label, region, baseUrl, fields, threshold, intervalMinutes, keyCommands, List.of());
    }

    /** Why an argument list cannot be a key command (empty, a blank program, a NUL character), or empty. */
    public static java.util.Optional<String> keyCommandProblem(List<String> argv) {
        if (argv == null || argv.isEmpty()) {
            return java.util.Optional.of(ConfigPhrase.KEY_COMMAND_EMPTY.say());
        }
        if (argv.getFirst() == null || argv.getFirst().isBlank()) {
            return java.util.Optional.of(ConfigPhrase.KEY_COMMAND_NO_PROGRAM.say());
        }
        if (argv.stream().anyMatch(a -> a == null || a.indexOf('\0') >= 0)) {
            return java.util.Optional.of(ConfigPhrase.KEY_COMMAND_NUL.say());
        }
        return java.util.Optional.empty();
    }

    /** This account with the key command of {@code slot} set, or removed when {@code argv} is {@code null}. */
    public Account withKeyCommand(String slot, List<String> argv) {
        Map<String, List<String>> next = new TreeMap<>(keyCommands);
        if (argv == null) {
            next.remove(slot);
        } else {
            next.put(slot, argv);
        }
        return new Account(id, provider, label, region, baseUrl, fields, threshold, intervalMinutes, next, topUps);
    }

    /** An account without key commands, with the given known top-ups. */
    public Account(String id, ProviderId provider, String label, String region, URI baseUrl,
                   Map<String, String> fields, Money threshold, int intervalMinutes, List<KnownTopUp> topUps) {
        this(id, provider, label, region, baseUrl, fields, threshold, intervalMinutes, Map.of(), topUps);
    }

    /** The newest known top-up (the basis of the estimated balance), or {@code null} when none was given. */
    public KnownTopUp topUp() {
        return topUps.isEmpty() ? null : topUps.getLast();
    }

    /**
     * This account with {@code t} recorded: it becomes the basis of the estimate when it is the newest; an older one
     * is only kept as a record. A top-up at the same instant as a recorded one replaces it.
     */
    public Account withTopUp(KnownTopUp t) {
        List<KnownTopUp> next = new ArrayList<>(topUps);
        next.add(Objects.requireNonNull(t, "top-up"));
        return new Account(id, provider, label, region, baseUrl, fields, threshold, intervalMinutes, keyCommands, next);
    }

    /** This account without any known top-up (no estimate any more). */
    public Account withoutTopUps() {
        return new Account(id, provider, label, region, baseUrl, fields, threshold, intervalMinutes, keyCommands, List.of());
    }

    /** The value of the field {@code fieldId} (e.g. {@code team_id}), or {@code null} when it is not set. */
    public String field(String fieldId) {
        return fields.get(fieldId);
    }

    /**
     * Why a label typed by a person cannot be used as one line (tray tooltip, {@code tally balance} output), or empty.
     */
    public static java.util.Optional<String> labelProblem(String label) {
        if (label != null && NOT_ONE_LINE.matcher(label).find()) {
            return java.util.Optional.of(ConfigPhrase.LABEL_ONE_LINE.say());
        }
        return java.util.Optional.empty();
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public Account withLabel(String newLabel) {
        return new Account(id, provider, newLabel, region, baseUrl, fields, threshold, intervalMinutes, keyCommands, topUps);
    }

    /** A slug made from the provider and label: {@code deepseek} + "Work" → {@code deepseek-work}. */
    public static String slug(ProviderId provider, String label) {
        String base = provider.value();
        String l = label == null ? "" : java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFKD)
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (!l.isEmpty() && !l.equals(base) && !l.startsWith(base + "-")) {
            l = base + "-" + l;
        } else if (l.isEmpty()) {
            l = base;
        }
        return l.length() > 64 ? l.substring(0, 64).replaceAll("-$", "") : l;
    }
}
