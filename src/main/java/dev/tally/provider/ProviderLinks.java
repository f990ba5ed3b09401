package dev.tally.provider;

import dev.tally.core.ProviderId;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Catalog data: where a person sees an account in the provider's own web console, and where they add credits.
 * Keyed by provider id and, where the console differs per region, by region id. Self-hosted relays and proxies
 * (New API, LiteLLM) have no fixed console and no links. Immutable and thread-safe.
 *
 * @param console the provider's usage / billing page
 * @param topUp   the page to add credits, or {@code null} when the console is the only way in
 */
public record ProviderLinks(URI console, URI topUp) {
    private static final Map<String, ProviderLinks> BY_PROVIDER = Map.ofEntries(
            entry("deepseek", "https://platform.deepseek.com/usage", "https://platform.deepseek.com/top_up"),
            entry("openrouter", "https://openrouter.ai/activity", "https://openrouter.ai/settings/credits"),
            entry("moonshot", "https://platform.moonshot.ai/console/account", "https://platform.moonshot.ai/console/pay"),
            entry("moonshot/china", "https://platform.moonshot.cn/console/account", "https://platform.moonshot.cn/console/pay"),
            entry("novita", "https://novita.ai/billing", "https://novita.ai/billing"),
            entry("siliconflow", "https://cloud.siliconflow.com/", null),
            entry("siliconflow/china", "https://cloud.siliconflow.cn/", null),
            entry("stepfun", "https://platform.stepfun.com/", null),
            entry("stepfun/global", "https://platform.stepfun.ai/", null),
            entry("xai", "https://console.x.ai/", null),
            entry("vercel", "https://vercel.com/dashboard", null),
            entry("zenmux", "https://zenmux.ai/", null),
            entry("featherless", "https://featherless.ai/account", null),
            entry("aihubmix", "https://aihubmix.com/token", "https://aihubmix.com/topup"),
            entry("requesty", "https://app.requesty.ai/", null),
            entry("cloudflare", "https://dash.cloudflare.com/", null),
            entry("openai", "https://platform.openai.com/usage",
                    "https://platform.openai.com/settings/organization/billing/overview"),
            entry("anthropic", "https://console.anthropic.com/usage", "https://console.anthropic.com/settings/billing"),
            entry("groq", "https://console.groq.com/settings/billing", null),
            entry("mistral", "https://console.mistral.ai/", null));

    /** The links of {@code provider} in {@code regionId} ({@code null}: its default region); empty when it has none. */
    public static Optional<ProviderLinks> of(ProviderId provider, String regionId) {
        if (provider == null) {
            return Optional.empty();
        }
        ProviderLinks regional = regionId == null ? null : BY_PROVIDER.get(provider.value() + "/" + regionId);
        return Optional.ofNullable(regional != null ? regional : BY_PROVIDER.get(provider.value()));
    }

    private static Map.Entry<String, ProviderLinks> entry(String key, String console, String topUp) {
        return Map.entry(key, new ProviderLinks(URI.create(console), topUp == null ? null : URI.create(topUp)));
    }
}
