package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Behind the operator kit's nginx, budgets count the client's address, never one a client wrote itself. */
class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("127.0.0.1");

    @Test
    void aRequestFromATrustedProxyComesFromTheAddressItForwards() {
        assertThat(ClientAddress.resolve("127.0.0.1", "203.0.113.7", PROXY)).isEqualTo("203.0.113.7");
    }

    @Test
    void onlyTheRightMostUntrustedHopCounts() {
        // the client sent "X-Forwarded-For: 10.9.9.9" itself; nginx appended the address it saw
        assertThat(ClientAddress.resolve("127.0.0.1", "10.9.9.9, 203.0.113.7", PROXY))
                .isEqualTo("203.0.113.7");
        assertThat(ClientAddress.resolve("127.0.0.1", "203.0.113.7, 127.0.0.1", PROXY))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void theHeaderOfAnUntrustedPeerOrWithoutProxiesIsIgnored() {
        assertThat(ClientAddress.resolve("198.51.100.2", "203.0.113.7", PROXY)).isEqualTo("198.51.100.2");
        assertThat(ClientAddress.resolve("127.0.0.1", "203.0.113.7", Set.of())).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.resolve("127.0.0.1", null, PROXY)).isEqualTo("127.0.0.1");
    }
}
