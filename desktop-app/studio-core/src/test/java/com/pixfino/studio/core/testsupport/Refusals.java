package com.pixfino.studio.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.studio.core.net.CompanionApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one check a refused call needs: the server's status and its error code, as the client hands them on. */
public final class Refusals {

    private Refusals() {}

    public static void assertRefused(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CompanionApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
