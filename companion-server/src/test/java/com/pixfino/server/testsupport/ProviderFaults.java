package com.pixfino.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pixfino.server.providers.ProviderException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How a provider client's call fails: the code and whether the job runner may retry it. */
public final class ProviderFaults {

    private ProviderFaults() {}

    /** Asserts that {@code call} throws a {@link ProviderException} with {@code code}; returns it for further checks. */
    public static ProviderException fault(ThrowingCallable call, String code, boolean isTransient) {
        ProviderException fault = catchThrowableOfType(ProviderException.class, call);
        assertThat(fault).as("the call fails with a ProviderException").isNotNull();
        assertThat(fault.code()).isEqualTo(code);
        assertThat(fault.isTransient()).as("transient").isEqualTo(isTransient);
        return fault;
    }
}
