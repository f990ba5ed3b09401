package dev.tally.provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaseUrlsTest {
    @Test
    void originIsReplacedAndPathPrefixed() {
        URI base = BaseUrls.parse("https://proxy.corp.example:8443/llm/deepseek/");
        assertEquals("https://proxy.corp.example:8443/llm/deepseek/user/balance",
                BaseUrls.resolve(base, "/user/balance").toString());
        assertEquals("https://api.deepseek.com/user/balance",
                BaseUrls.resolve(URI.create("https://api.deepseek.com"), "/user/balance").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:1/x", "http://[::1]:9", "http://127.1.2.3"})
    void plainHttpAllowedForLoopback(String url) {
        BaseUrls.parse(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.deepseek.com", "http://10.0.0.1", "http://localhost.evil.example"})
    void plainHttpRefusedElsewhere(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseUrls.parse(url));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:99999", "https://api.example.com:0/v1", "http://localhost:65536"})
    void aPortOutsideOneTo65535IsRefusedWithTheRange(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseUrls.parse(url));
        assertTrue(e.getMessage().startsWith("the port in the base URL must be between 1 and 65535, got "), e.getMessage());
        BaseUrls.parse("https://127.0.0.1:65535");
        BaseUrls.parse("http://127.0.0.1:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "deepseek.com", "ftp://x.example", "https://u:p@x.example", "https://x.example/?a=1", "https://"})
    void malformedRefusedWithReason(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseUrls.parse(url));
        assertTrue(!e.getMessage().isBlank());
    }
}
