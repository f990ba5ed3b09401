package dev.tally.provider;

/**
 * One credential a provider can use.
 *
 * @param name        stable slot name: {@code api}, {@code management} or {@code admin}
 * @param envVar      environment variable that may hold it, e.g. {@code DEEPSEEK_API_KEY}
 * @param description what kind of key this is and where to create it (shown to users)
 */
public record KeySlot(String name, String envVar, String description) {
    public static final String API = "api";
    public static final String MANAGEMENT = "management";
    public static final String ADMIN = "admin";
}
