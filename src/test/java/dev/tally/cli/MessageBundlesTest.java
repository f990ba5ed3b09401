package dev.tally.cli;

import dev.tally.core.Language;
import dev.tally.core.Messages;
import dev.tally.core.Wording;
import dev.tally.ui.settings.SettingsPhrase;
import dev.tally.provider.ProviderCatalog;
import dev.tally.provider.ProviderInfo;
import dev.tally.status.Phrase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The message bundles: the English one is exactly the wording enums ({@link Phrase}, {@link CliPhrase},
 * {@link SettingsPhrase}), the Chinese
 * one has every key, the same placeholders, no empty or untranslated value, and a reason for every provider Tally
 * cannot read. A failure here usually means: run {@code python3 scripts/i18n/bundle.py} and translate what it lists.
 */
class MessageBundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** Chinese that is rightly the same as the English: layouts of other words, marks, names. */
    private static final Set<String> SAME_IN_CHINESE = Set.of("phrase.TRAY_TOOLTIP", "settings.ROW_PARTS",
            "settings.REGION_CHOICE");

    /** Every wording enum the bundles are made of (scripts/i18n/bundle.py's SOURCES). */
    private static final List<Wording[]> WORDINGS = List.of(Phrase.values(), CliPhrase.values(), SettingsPhrase.values(),
            dev.tally.autostart.AutostartPhrase.values(), dev.tally.provider.FetchPhrase.values(),
            dev.tally.notify.NotifyPhrase.values(), dev.tally.secret.KeychainPhrase.values(),
            dev.tally.account.ConfigPhrase.values());

    private static Map<String, String> enums() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Wording[] wording : WORDINGS) {
            for (Wording w : wording) {
                out.put(w.key(), w.english());
            }
        }
        return out;
    }

    private static Map<String, String> read(ResourceBundle b) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : new TreeSet<>(b.keySet())) {
            out.put(k, b.getString(k));
        }
        return out;
    }

    @Test
    void theEnglishBundleIsTheWordingInCode() {
        Map<String, String> english = read(Messages.bundle(Language.ENGLISH));
        Map<String, String> code = enums();
        List<String> differ = new ArrayList<>();
        code.forEach((k, v) -> {
            if (!v.equals(english.get(k))) {
                differ.add(k + ": code '" + v + "', bundle '" + english.get(k) + "'");
            }
        });
        english.keySet().stream().filter(k -> !code.containsKey(k)).forEach(k -> differ.add(k + " is in no enum"));
        assertEquals(List.of(), differ, "run python3 scripts/i18n/bundle.py");
    }

    @Test
    void theChineseBundleHasEveryKeyWithTheSamePlaceholdersAndRealChinese() {
        Map<String, String> chinese = read(Messages.bundle(Language.SIMPLIFIED_CHINESE));
        List<String> bad = new ArrayList<>();
        enums().forEach((k, en) -> {
            String zh = chinese.get(k);
            if (zh == null) {
                bad.add(k + " is missing (run python3 scripts/i18n/bundle.py; translate the #TODO lines)");
            } else if (zh.isBlank()) {
                bad.add(k + " is empty");
            } else if (!placeholders(en).equals(placeholders(zh))) {
                bad.add(k + ": placeholders " + placeholders(en) + " in English, " + placeholders(zh) + " in Chinese");
            } else if (!CJK.matcher(zh).find() && en.matches(".*[A-Za-z]{2,}.*")
                    && !PLACEHOLDER.matcher(en).replaceAll("").matches("[^A-Za-z]*") && !SAME_IN_CHINESE.contains(k)) {
                bad.add(k + " is not translated: '" + zh + "'");
            }
        });
        assertEquals(List.of(), bad);
    }

    @Test
    void everyProviderTallyCannotReadSaysWhyAndEveryKeyAndFieldIsExplainedInChineseAndNoOtherProviderKeyExists() {
        Map<String, String> chinese = read(Messages.bundle(Language.SIMPLIFIED_CHINESE));
        Set<String> expected = new TreeSet<>();
        for (ProviderInfo info : ProviderCatalog.standard().unsupported()) {
            expected.add("provider." + info.id().value() + ".unsupported");
        }
        // where each supported provider's key is made, and each provider field's label and hint
        for (ProviderInfo info : ProviderCatalog.standard().supported()) {
            info.keySlots().forEach(slot -> expected.add(dev.tally.status.CatalogWords.keyKey(info.id(), slot)));
            for (dev.tally.provider.AccountField f : info.fields()) {
                expected.add(dev.tally.status.CatalogWords.fieldKey(f, "label"));
                if (!f.description().isEmpty()) {
                    expected.add(dev.tally.status.CatalogWords.fieldKey(f, "description"));
                }
            }
        }
        Set<String> present = new TreeSet<>(chinese.keySet().stream().filter(k -> k.startsWith("provider.")).toList());
        assertEquals(expected, present);
        present.forEach(k -> assertTrue(CJK.matcher(chinese.get(k)).find(), k));
        Set<String> extra = new TreeSet<>(chinese.keySet());
        extra.removeAll(enums().keySet());
        extra.removeAll(expected);
        assertEquals(Set.of(), extra, "keys in messages_zh_CN.properties that nothing reads");
    }

    @Test
    void theScriptFindsTheBundlesUpToDate() throws Exception {
        Path script = Path.of("scripts/i18n/bundle.py");
        assumeTrue(Files.isRegularFile(script), "run from the repository root");
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(), "--check").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 is not installed: " + e.getMessage());
            return;
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script did not finish");
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
    }

    private static List<String> placeholders(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        out.sort(null);
        return out.stream().distinct().toList();
    }
}
