package dev.tally.provider;

import dev.tally.core.Secret;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RedactorTest {
    /** sk-CANARY-7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4 */
    private static final String KEY = ProviderHarness.CANARY;
    private final Redactor redactor = Redactor.of(List.of(Secret.of(KEY)));

    @Test
    void theKeyWithoutItsPrefixIsRemoved() {
        assertEquals("invalid key [key] given", redactor.clean("invalid key CANARY-7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4 given"));
        assertEquals("key ****[key] is invalid", redactor.clean("key ****7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4 is invalid"));
    }

    @Test
    void longPrefixesAreDroppedToo() {
        for (String key : List.of("sk-or-v1-0d1e2f3a4b5c6d7e8f9a", "sk-ant-admin01-Zq81Lm02Xc", "xai-Pq7rS8tU9vW0",
                "sk_live_Ab12Cd34Ef")) {
            String body = key.substring(key.lastIndexOf(key.contains("_") ? '_' : '-') + 1);
            String m = Redactor.of(List.of(Secret.of(key))).clean("the key " + body + " was rejected");
            assertEquals("the key [key] was rejected", m, key);
        }
    }

    @Test
    void aLongPieceFromTheMiddleOfTheKeyIsRemovedWhole() {
        String m = redactor.clean("key starting 9c1e5b2d4f60a8e1c3 not found");
        assertEquals("key starting [key] not found", m);
    }

    @Test
    void shortPiecesAndOrdinaryWordsStay() {
        // a masked hint gives away too little to matter; a short body is not treated as the key
        assertEquals("key sk-…a2c4 rejected", redactor.clean("key sk-…a2c4 rejected"));
        assertEquals("the key CANARY rejected", redactor.clean("the key CANARY rejected"));
        Redactor shortBody = Redactor.of(List.of(Secret.of("sk-abc1234")));
        assertEquals("code abc1234", shortBody.clean("code abc1234"), "a body under 8 characters is too short to be told apart");
    }

    @Test
    void aQuotedValueHoldingTheBodyIsRedactedToo() {
        assertFalse(redactor.quote("7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4").contains("7f3a9c1e"));
    }

    @Test
    void aShortKeyIsRedactedOnlyAsAWholeToken() {
        Redactor m = Redactor.of(List.of(Secret.of("m")));
        assertEquals("management key rejected", m.clean("management key rejected"), "words keep their letters");
        assertEquals("key [key] rejected", m.clean("key m rejected"));
        Redactor seven = Redactor.of(List.of(Secret.of("abc1234")));
        assertEquals("the key [key] is not valid: '[key]'", seven.clean("the key abc1234 is not valid: 'abc1234'"));
        assertEquals("xabc1234 and abc1234y stay", seven.clean("xabc1234 and abc1234y stay"));
        assertEquals("[key] rejected", seven.clean("sk-abc1234 rejected"), "inside a key-like token: that rule removes it");
        Redactor eight = Redactor.of(List.of(Secret.of("abcd1234")));
        assertEquals("x[key]y", eight.clean("xabcd1234y"), "from 8 characters on, every occurrence goes");
    }
}
