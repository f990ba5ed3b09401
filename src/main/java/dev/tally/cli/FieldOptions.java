package dev.tally.cli;

import dev.tally.provider.AccountField;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provider-declared account fields on the command line: {@code --field ID=VALUE}, and for every field in the catalog
 * its shorthand ({@code --some-id SOME_ID} for {@code --field some_id=SOME_ID}), added to a command's model from the
 * catalog so no command names a field. Picocli builds a model once per command run, on the calling thread.
 */
final class FieldOptions {
    /** The catalog the options are declared from (the same providers {@code AppContext} uses). */
    static final ProviderCatalog CATALOG = ProviderCatalog.standard();

    private FieldOptions() {
    }

    /** One field value as given, and how it was given ({@code --some-id} or {@code --field some_id}) for messages. */
    record Given(String id, String value, String how) {
    }

    /** Adds the shorthands to {@code tally accounts add|edit}: "Label (providers)." */
    static final class ForAccounts implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return addShorthands(spec, f -> f.label() + " (" + users(f) + ").");
        }
    }

    /** Adds the shorthands to {@code tally balance}: "For a provider name that needs (noun) (providers)." */
    static final class ForBalance implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return addShorthands(spec, f -> "For a provider name that needs " + f.noun() + " (" + users(f) + ").");
        }
    }

    private static CommandSpec addShorthands(CommandSpec spec, java.util.function.Function<AccountField, String> text) {
        OptionSpec field = spec.findOption("--field");
        if (field != null && !CATALOG.accountFields().isEmpty()) {
            // the help names the fields there are: "…; repeatable. E.g. some_id=SOME_ID (Provider)."
            List<String> examples = CATALOG.accountFields().stream()
                    .map(f -> f.id() + "=" + f.placeholder() + " (" + users(f) + ")").toList();
            List<String> description = new ArrayList<>(List.of(field.description()));
            description.add("E.g. " + String.join(", ", examples) + ".");
            spec.remove(field);
            spec.addOption(field.toBuilder().description(description.toArray(String[]::new)).build());
        }
        for (AccountField f : CATALOG.accountFields()) {
            spec.addOption(OptionSpec.builder(f.option()).paramLabel(f.placeholder()).type(String.class)
                    .description(text.apply(f)).build());
        }
        return spec;
    }

    private static String users(AccountField f) {
        return String.join(", ", CATALOG.declaring(f.id()).stream().map(ProviderInfo::displayName).toList());
    }

    /** The shorthand options, one per field id. */
    static List<String> shorthands() {
        return CATALOG.accountFields().stream().map(AccountField::option).toList();
    }

    /** The field known to some provider under {@code id}. */
    static Optional<AccountField> known(String id) {
        return CATALOG.accountFields().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * The field values given to {@code spec}'s command through {@code --field} ({@code field}, may be {@code null}) and
     * the shorthands; a field given both ways is a usage error.
     */
    static List<Given> given(CommandSpec spec, Map<String, String> field) {
        Map<String, Given> out = new LinkedHashMap<>();
        if (field != null) {
            field.forEach((id, value) -> out.put(id, new Given(id, value == null ? "" : value, "--field " + id)));
        }
        for (AccountField f : CATALOG.accountFields()) {
            OptionSpec o = spec.findOption(f.option());
            String value = o == null ? null : o.getValue();
            if (value == null) {
                continue;
            }
            if (out.containsKey(f.id())) {
                throw new Cli.UsageError(CliPhrase.ACCOUNTS_FIELD_TWICE.say(f.option(), f.id()));
            }
            out.put(f.id(), new Given(f.id(), value, f.option()));
        }
        return new ArrayList<>(out.values());
    }
}
