package dev.tally.cli;

import dev.tally.core.Language;
import dev.tally.core.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The help texts' translation ({@code dev/tally/cli/help_zh_CN.properties}): every command's description, footer and
 * every option's description has Chinese, the placeholders of picocli ({@code %n}, {@code ${DEFAULT-VALUE}}) survive,
 * and no key of the bundle names a command or option that does not exist (a renamed option would silently fall back
 * to English).
 */
class HelpBundleTest {
    private static final Pattern PICOCLI_VARIABLE = Pattern.compile("\\$\\{[^}]+}");
    private Language before;

    @AfterEach
    void restore() {
        if (before != null) {
            Messages.use(before);
        }
    }

    private static CommandLine model(Language l) {
        Language was = Messages.use(l);
        try {
            return Cli.fullModel(new Cli.Io(Map.of(), new ByteArrayInputStream(new byte[0]),
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Clock.systemUTC()));
        } finally {
            Messages.use(was);
        }
    }

    private static List<CommandLine> all(CommandLine c) {
        List<CommandLine> out = new ArrayList<>(List.of(c));
        c.getSubcommands().values().stream().distinct().forEach(s -> out.addAll(all(s)));
        return out;
    }

    /** Every text of the help, by a readable name, in the model's language. */
    private static Map<String, String> texts(CommandLine root) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (CommandLine c : all(root)) {
            CommandLine.Model.CommandSpec spec = c.getCommandSpec();
            String q = spec.qualifiedName(".");
            out.put(q + ".usage.description", String.join("\n", spec.usageMessage().description()));
            out.put(q + ".usage.footer", String.join("\n", spec.usageMessage().footer()));
            out.put(q + ".usage.header", String.join("\n", spec.usageMessage().header()));
            out.put(q + ".usage.synopsisHeading", spec.usageMessage().synopsisHeading());
            for (CommandLine.Model.OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    out.put(q + "." + o.longestName().replaceFirst("^-+", ""), String.join("\n", o.description()));
                }
            }
            for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    out.put(q + "." + p.paramLabel() + "[" + p.index() + "]", String.join("\n", p.description()));
                }
            }
        }
        return out;
    }

    @Test
    void everyHelpTextHasChineseWithPicocliVariablesKept() {
        Map<String, String> english = texts(model(Language.ENGLISH));
        Map<String, String> chinese = texts(model(Language.SIMPLIFIED_CHINESE));
        List<String> untranslated = new ArrayList<>();
        List<String> badVariables = new ArrayList<>();
        english.forEach((key, en) -> {
            String zh = chinese.get(key);
            if (en.isBlank()) {
                return;
            }
            if (en.equals(zh)) {
                untranslated.add(key + "=" + en.replace("\n", "\\n"));
            } else if (!variables(en).equals(variables(zh))) {
                badVariables.add(key + ": " + variables(en) + " vs " + variables(zh));
            }
        });
        assertEquals(List.of(), untranslated, "help texts without Chinese in help_zh_CN.properties");
        assertEquals(List.of(), badVariables);
    }

    private static Set<String> variables(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PICOCLI_VARIABLE.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void everyKeyOfTheBundleNamesSomethingThatExists() {
        CommandLine root = model(Language.ENGLISH);
        Set<String> known = new TreeSet<>(List.of("usage.synopsisHeading", "usage.commandListHeading",
                "usage.optionListHeading", "usage.parameterListHeading", "usage.descriptionHeading",
                "usage.footerHeading", "usage.headerHeading"));
        for (CommandLine c : all(root)) {
            CommandLine.Model.CommandSpec spec = c.getCommandSpec();
            String q = spec.qualifiedName(".");
            known.add(q + ".usage.description");
            known.add(q + ".usage.footer");
            known.add(q + ".usage.header");
            known.add(q + ".usage.synopsisHeading");
            for (CommandLine.Model.OptionSpec o : spec.options()) {
                for (String n : o.names()) {
                    known.add(q + "." + n.replaceFirst("^-+", ""));
                    known.add(n.replaceFirst("^-+", "")); // shared by every command with the option
                }
            }
            for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
                known.add(q + "." + p.paramLabel() + "[" + p.index() + "]");
            }
        }
        ResourceBundle zh = HelpText.bundle(Language.SIMPLIFIED_CHINESE);
        List<String> stale = zh.keySet().stream().map(k -> k.replaceFirst("\\.\\d+$", ""))
                .filter(k -> !known.contains(k)).sorted().distinct().toList();
        assertEquals(List.of(), stale, "keys in help_zh_CN.properties that name no command or option");
    }
}
