package com.pixfino.studio.core.testsupport;

import com.pixfino.studio.core.net.CompanionApi;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** A {@link CompanionApi} that hands every call to a real one, with a test's own step around it (count, fail, lose). */
public final class ForwardingApi {

    /** The call as the real client answers it; what it throws is the real exception, not a reflection wrapper. */
    @FunctionalInterface
    public interface Call {
        Object proceed() throws Throwable;
    }

    /** What a test does with each call: usually something before or after {@code call.proceed()}. */
    @FunctionalInterface
    public interface Around {
        Object invoke(Method method, Object[] args, Call call) throws Throwable;
    }

    private ForwardingApi() {}

    public static CompanionApi around(CompanionApi real, Around around) {
        return (CompanionApi) Proxy.newProxyInstance(
                CompanionApi.class.getClassLoader(),
                new Class<?>[] {CompanionApi.class},
                (proxy, method, args) -> around.invoke(method, args, () -> {
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
