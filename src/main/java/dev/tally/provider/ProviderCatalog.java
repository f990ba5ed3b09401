package dev.tally.provider;

import dev.tally.core.ProviderId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every provider Tally knows, supported or not. Adding a provider is one class and one line here.
 * Immutable and thread-safe.
 */
public final class ProviderCatalog {
    private final Map<ProviderId, ProviderInfo> infos = new LinkedHashMap<>();
    private final Map<ProviderId, BalanceProvider> providers = new LinkedHashMap<>();
    private final Map<String, ProviderId> names = new LinkedHashMap<>();

    /** The standard catalog. */
    public static ProviderCatalog standard() {
        return new ProviderCatalog(List.of(
                new DeepSeekProvider(),
                new OpenRouterProvider(),
                new MoonshotProvider(),
                new NovitaProvider(),
                new SiliconFlowProvider(),
                new StepFunProvider(),
                new XaiProvider(),
                new VercelProvider(),
                new ZenMuxProvider(),
                new FeatherlessProvider(),
                new AiHubMixProvider(),
                new RequestyProvider(),
                new CloudflareProvider(),
                new NewApiProvider(),
                new LiteLlmProvider(),
                new OpenAiProvider(),
                new AnthropicProvider()
        ), List.of(
                unsupported("groq", "Groq", List.of(),
                        "Groq has no API for balance or spend; spend limits and alerts live in the console (Settings → Billing → Limits)",
                        "https://console.groq.com/docs/spend-limits"),
                unsupported("gemini", "Google Gemini", List.of("google"),
                        "the Gemini API has no balance endpoint for API keys; billing and prepaid credits are shown only in Google AI Studio / Cloud Billing",
                        "https://ai.google.dev/gemini-api/docs/billing"),
                unsupported("mistral", "Mistral", List.of(),
                        "ordinary Mistral keys cannot read balance or spend; the Admin API (Enterprise plans, preview) reports usage only",
                        "https://docs.mistral.ai/admin/admin-api/usage-metrics"),
                unsupported("cerebras", "Cerebras", List.of(),
                        "Cerebras documents no balance, credit or spend endpoint",
                        "https://inference-docs.cerebras.ai"),
                unsupported("together", "Together AI", List.of("togetherai"),
                        "Together AI documents no balance endpoint; prepaid credits are managed in the billing settings page only",
                        "https://docs.together.ai/docs/billing-credits"),
                unsupported("fireworks", "Fireworks", List.of("fireworksai"),
                        "Fireworks documents no balance endpoint; prepaid credits are shown in the console only",
                        "https://docs.fireworks.ai"),
                unsupported("perplexity", "Perplexity", List.of(),
                        "Perplexity documents no API balance endpoint (an exhausted balance shows up as HTTP 401 on inference)",
                        "https://docs.perplexity.ai")
        ));
    }

    public ProviderCatalog(List<BalanceProvider> supported, List<ProviderInfo> unsupported) {
        for (BalanceProvider p : supported) {
            register(p.info());
            providers.put(p.info().id(), p);
        }
        for (ProviderInfo info : unsupported) {
            if (info.supported()) {
                throw new IllegalArgumentException(info.id() + " is listed as unsupported without a reason");
            }
            register(info);
        }
    }

    private void register(ProviderInfo info) {
        if (infos.putIfAbsent(info.id(), info) != null) {
            throw new IllegalArgumentException("duplicate provider " + info.id());
        }
        addName(info.id().value(), info.id());
        info.aliases().forEach(a -> addName(a, info.id()));
    }

    private void addName(String name, ProviderId id) {
        if (names.putIfAbsent(name.toLowerCase(Locale.ROOT), id) != null) {
            throw new IllegalArgumentException("duplicate provider name " + name);
        }
    }

    static ProviderInfo unsupported(String id, String name, List<String> aliases, String reason, String docs) {
        return new ProviderInfo(ProviderId.of(id), name, aliases, Set.of(), List.of(), List.of(), List.of(), docs, reason);
    }

    /**
     * Every {@link AccountField} some provider declares, once per field id (the first declaration), in catalog order:
     * what the command line offers as {@code --field ID=VALUE} shorthands.
     */
    public List<AccountField> accountFields() {
        Map<String, AccountField> out = new LinkedHashMap<>();
        infos.values().forEach(i -> i.fields().forEach(f -> out.putIfAbsent(f.id(), f)));
        return List.copyOf(out.values());
    }

    /** The providers that declare the field {@code id}, in catalog order. */
    public List<ProviderInfo> declaring(String fieldId) {
        return infos.values().stream().filter(i -> i.field(fieldId).isPresent()).toList();
    }

    /** The provider called {@code name} (id or alias, any case). */
    public Optional<ProviderInfo> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(names.get(name.strip().toLowerCase(Locale.ROOT))).map(infos::get);
    }

    public ProviderInfo info(ProviderId id) {
        ProviderInfo info = infos.get(id);
        if (info == null) {
            throw new IllegalArgumentException("unknown provider " + id);
        }
        return info;
    }

    /** The implementation of a supported provider. */
    public Optional<BalanceProvider> provider(ProviderId id) {
        return Optional.ofNullable(providers.get(id));
    }

    /** All providers, supported first, in catalog order. */
    public List<ProviderInfo> all() {
        return Collections.unmodifiableList(new ArrayList<>(infos.values()));
    }

    public List<ProviderInfo> supported() {
        return infos.values().stream().filter(ProviderInfo::supported).toList();
    }

    public List<ProviderInfo> unsupported() {
        return infos.values().stream().filter(i -> !i.supported()).toList();
    }
}
