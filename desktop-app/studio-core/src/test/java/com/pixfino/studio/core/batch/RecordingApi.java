package com.pixfino.studio.core.batch;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.testsupport.ForwardingApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The real client, with every upload and create recorded and failures that can be put in front of creates. */
final class RecordingApi {

    record Create(String key, CreateGenerationRequest body, long atNanos) {}

    final Queue<Path> uploads = new ConcurrentLinkedQueue<>();
    final Queue<Create> creates = new ConcurrentLinkedQueue<>();
    private final Queue<IOException> createFailures = new ConcurrentLinkedQueue<>();

    private final CompanionApi api;

    /** The first creates fail with {@code failures}, in order, before they reach the server. */
    RecordingApi(CompanionApi real, IOException... failures) {
        createFailures.addAll(List.of(failures));
        this.api = ForwardingApi.around(real, (method, args, call) -> {
            switch (method.getName()) {
                case "upload" -> uploads.add((Path) args[0]);
                case "createGeneration" -> {
                    creates.add(new Create((String) args[1], (CreateGenerationRequest) args[0], System.nanoTime()));
                    IOException failure = createFailures.poll();
                    if (failure != null) {
                        throw failure;
                    }
                }
                default -> {}
            }
            return call.proceed();
        });
    }

    CompanionApi api() {
        return api;
    }

    List<String> keys() {
        return creates.stream().map(Create::key).toList();
    }
}
