package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.core.ProviderId;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The form's rules as plain functions: no toolkit, no view model, no files. */
class AccountFormValidatorTest {
    private static final ProviderId DEEPSEEK = ProviderId.of("deepseek");
    private static final List<Account> SAVED = List.of(
            new Account("deepseek-work", DEEPSEEK, "DeepSeek (work)", null, null, null, null, 5));

    @Test
    void aLabelIsNeededOnOneLineAndOncePerProvider() {
        assertEquals("give the account a label, e.g. “DeepSeek (work)”", AccountFormValidator.label(" ", DEEPSEEK, "DeepSeek", SAVED, null));
        assertEquals("a label must be one line without control characters (newline, tab, …)",
                AccountFormValidator.label("a\nb", DEEPSEEK, "DeepSeek", SAVED, null));
        assertEquals("there is already a DeepSeek account labelled “DeepSeek (work)”",
                AccountFormValidator.label("deepseek (WORK) ", DEEPSEEK, "DeepSeek", SAVED, null));
        assertEquals("", AccountFormValidator.label("DeepSeek (work)", DEEPSEEK, "DeepSeek", SAVED, "deepseek-work"),
                "an account may keep its own label");
        assertEquals("", AccountFormValidator.label("DeepSeek (work)", ProviderId.of("moonshot"), "Moonshot", SAVED, null));
    }

    @Test
    void thresholdsNeedAnAmountInACurrencyTheProviderReports() {
        List<String> both = List.of("CNY", "USD");
        assertEquals("", AccountFormValidator.threshold("", true, null, null, both, "DeepSeek"), "empty: no alert");
        assertEquals("the alert level is not an amount; write e.g. 5 or 5.50",
                AccountFormValidator.threshold("five", true, null, null, both, "DeepSeek"));
        assertEquals("choose the currency of the alert level", AccountFormValidator.threshold("5", true, null, null, both, "DeepSeek"));
        assertEquals("DeepSeek reports balances in CNY or USD, so an alert in EUR would never fire; choose one of them",
                AccountFormValidator.threshold("5", true, null, "EUR", both, "DeepSeek"));
        assertEquals("", AccountFormValidator.threshold("5", true, "USD", null, List.of(), "Novita"), "the region fixes it");
        assertEquals("", AccountFormValidator.threshold("five", false, null, null, List.of(), "OpenAI"), "no alert field at all");
    }

    @Test
    void regionBaseUrlIntervalProviderAndKeySayWhatIsWrong() {
        assertEquals("choose the region your key belongs to", AccountFormValidator.region(List.of("global", "china"), null));
        assertEquals("", AccountFormValidator.region(List.of(), null));
        assertEquals("the base URL must use https; plain http is allowed only to this computer (localhost, 127.0.0.1, ::1)",
                AccountFormValidator.baseUrl("http://proxy.example.com"));
        assertEquals("", AccountFormValidator.baseUrl("http://127.0.0.1:8080"));
        assertEquals("the interval must be a whole number of minutes from 1 to 1440", AccountFormValidator.interval("1441"));
        assertEquals("", AccountFormValidator.interval(" 15 "));
        assertEquals("choose the provider of this account", AccountFormValidator.provider(true, false, false));
        assertEquals("", AccountFormValidator.provider(true, false, true), "nothing typed yet: no complaint");
        assertEquals("the key contains a control character or line break", AccountFormValidator.key("sk-a\u0007b"));
        assertEquals("", AccountFormValidator.key(""), "no key typed: the keychain's or the environment's is used");
    }

    @Test
    void aProviderFieldGetsAnAltLetterNoOtherControlUses() {
        Set<Character> taken = new HashSet<>(Set.of('t', 'a', 'l'));
        assertEquals("Team _id", Mnemonics.pick("Team id", taken), "word starts first");
        assertEquals("A_ccount id", Mnemonics.pick("Account id", taken), "then the first free letter");
        assertEquals(Set.of('t', 'a', 'l', 'i', 'c'), taken, "and the letter is taken from then on");
    }
}
