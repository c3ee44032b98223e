package com.pixfino.studio.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerUrlTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "127.0.0.1:7070",
                "localhost",
                "ftp://example.com",
                "http://",
                "http://host/?a=b",
                "http://exa mple.com"
            })
    void rejectsTextThatIsNotAServerUrl(String text) {
        assertThat(ServerUrl.parse(text)).isEmpty();
    }

    @Test
    void acceptsHttpUrlAndShowsItWithoutTrailingSlash() {
        ServerUrl url = ServerUrl.parse("  http://127.0.0.1:7070/ ").orElseThrow();

        assertThat(url.toString()).isEqualTo("http://127.0.0.1:7070");
        assertThat(url.resolve("health").toString()).isEqualTo("http://127.0.0.1:7070/health");
    }

    @Test
    void keepsPathPrefixWhenResolving() {
        ServerUrl url = ServerUrl.parse("https://pixfino.example/studio-api").orElseThrow();

        assertThat(url.resolve("health").toString()).isEqualTo("https://pixfino.example/studio-api/health");
    }
}
