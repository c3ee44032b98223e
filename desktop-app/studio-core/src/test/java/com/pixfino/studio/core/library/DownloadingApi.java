package com.pixfino.studio.core.library;

import com.pixfino.studio.core.net.CompanionApi;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A server that only delivers files: every download writes fixed bytes and is counted; other calls fail. */
final class DownloadingApi {

    static final byte[] THUMBNAIL = {(byte) 0xFF, (byte) 0xD8, 1};
    static final byte[] ORIGINAL = new byte[1000];

    static final byte[] INPUT = {(byte) 0xFF, (byte) 0xD8, 2};

    final AtomicInteger downloads = new AtomicInteger();
    final AtomicInteger inputDownloads = new AtomicInteger();

    CompanionApi api() {
        return (CompanionApi) Proxy.newProxyInstance(
                CompanionApi.class.getClassLoader(), new Class<?>[] {CompanionApi.class}, (proxy, method, args) -> {
                    if (method.getName().equals("download")) {
                        downloads.incrementAndGet();
                        Path target = (Path) args[2];
                        Files.createDirectories(target.getParent());
                        Files.write(target, (Boolean) args[1] ? THUMBNAIL : ORIGINAL);
                        return null;
                    }
                    if (method.getName().equals("downloadUploadThumbnail")) {
                        inputDownloads.incrementAndGet();
                        Files.write((Path) args[1], INPUT);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
