package com.pixfino.studio.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.UploadView;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.photo.PhotoInfo;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GenerationSubmitterTest {

    private static final PhotoInfo PHOTO = new PhotoInfo(Path.of("/photos/a.jpg"), "image/jpeg", 1000, 800, 600);
    private static final PhotoInfo OTHER_PHOTO = new PhotoInfo(Path.of("/photos/b.jpg"), "image/jpeg", 1000, 800, 600);

    /** The server as the submitter sees it: uploads and creates are recorded; create answers come from a script. */
    private static final class Server {
        final List<Path> uploads = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<CreateGenerationRequest> creates = new ArrayList<>();
        final Deque<IOException> createFailures = new ArrayDeque<>();

        CompanionApi api() {
            return (CompanionApi) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {CompanionApi.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "upload" -> {
                            uploads.add((Path) args[0]);
                            yield new UploadView(UUID.randomUUID(), 800, 600, "image/jpeg", null);
                        }
                        case "createGeneration" -> {
                            creates.add((CreateGenerationRequest) args[0]);
                            keys.add((String) args[1]);
                            if (!createFailures.isEmpty()) {
                                throw createFailures.pop();
                            }
                            yield new GenerationAccepted(UUID.randomUUID(), GenerationStatus.PENDING, 1);
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private final GenerationSubmitter submitter = new GenerationSubmitter();
    private final Server server = new Server();

    @Test
    void aRetryAfterANetworkFailureReusesTheKeySoItCannotChargeTwice() throws Exception {
        server.createFailures.add(new SocketTimeoutException("timeout"));
        CompanionApi api = server.api();

        assertThatThrownBy(() -> submitter.submit(api, PHOTO, 7, "warm")).isInstanceOf(SocketTimeoutException.class);
        submitter.submit(api, PHOTO, 7, "warm");

        assertThat(server.keys).hasSize(2).doesNotContainNull();
        assertThat(server.keys.get(1)).isEqualTo(server.keys.get(0));
        assertThat(server.uploads).containsExactly(PHOTO.file());
    }

    @Test
    void aRefusalOrASuccessEndsTheRequestSoTheNextPressIsANewGeneration() throws Exception {
        server.createFailures.add(new CompanionApiException(402, "insufficient_credits", "Not enough credits."));
        CompanionApi api = server.api();

        assertThatThrownBy(() -> submitter.submit(api, PHOTO, 7, null)).isInstanceOf(CompanionApiException.class);
        submitter.submit(api, PHOTO, 7, null);
        submitter.submit(api, PHOTO, 7, null);

        assertThat(server.keys).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aDifferentRequestGetsItsOwnKeyAndOnePhotoIsUploadedOnce() throws Exception {
        server.createFailures.add(new SocketTimeoutException("timeout"));
        CompanionApi api = server.api();

        assertThatThrownBy(() -> submitter.submit(api, PHOTO, 7, null)).isInstanceOf(SocketTimeoutException.class);
        submitter.submit(api, PHOTO, 8, null);
        submitter.submit(api, OTHER_PHOTO, 8, null);

        assertThat(server.keys).doesNotHaveDuplicates();
        assertThat(server.uploads).containsExactly(PHOTO.file(), OTHER_PHOTO.file());
        assertThat(server.creates).extracting(CreateGenerationRequest::presetId).containsExactly(7L, 8L, 8L);
    }

    @Test
    void resetForgetsThePendingKeyAndTheUpload() throws Exception {
        server.createFailures.add(new SocketTimeoutException("timeout"));
        CompanionApi api = server.api();
        assertThatThrownBy(() -> submitter.submit(api, PHOTO, 7, null)).isInstanceOf(SocketTimeoutException.class);

        submitter.reset();
        submitter.submit(api, PHOTO, 7, null);

        assertThat(server.keys).doesNotHaveDuplicates();
        assertThat(server.uploads).hasSize(2);
    }

    @Test
    void fourTakesShareOneGroupAndOneUploadEachWithItsOwnKeyAndADistinctSeed() throws Exception {
        UUID style = UUID.randomUUID();
        Takes takes = new Takes(7, "warm", null, com.pixfino.model.AspectRatio.STORY, 4, null, style);

        GenerationSubmitter.Submitted submitted = submitter.submit(server.api(), PHOTO, takes);

        assertThat(submitted.complete()).isTrue();
        assertThat(submitted.accepted()).hasSize(4);
        assertThat(server.uploads).containsExactly(PHOTO.file());
        assertThat(server.keys).hasSize(4).doesNotHaveDuplicates();
        assertThat(server.creates)
                .extracting(CreateGenerationRequest::groupId)
                .containsOnly(submitted.groupId())
                .doesNotContainNull();
        assertThat(server.creates)
                .extracting(CreateGenerationRequest::seed)
                .doesNotHaveDuplicates()
                .doesNotContainNull()
                .allMatch(seed -> seed >= 0 && seed <= CreateGenerationRequest.MAX_SEED);
        assertThat(server.creates)
                .extracting(CreateGenerationRequest::aspectRatio)
                .containsOnly("9:16");
        assertThat(server.creates).extracting(CreateGenerationRequest::styleId).containsOnly(style);
    }

    @Test
    void aLockedSeedGivesTakeITheSeedPlusIAndWrapsAtTheTop() throws Exception {
        submitter.submit(
                server.api(), PHOTO, new Takes(7, null, null, null, 3, CreateGenerationRequest.MAX_SEED - 1, null));

        assertThat(server.creates)
                .extracting(CreateGenerationRequest::seed)
                .containsExactly(CreateGenerationRequest.MAX_SEED - 1, CreateGenerationRequest.MAX_SEED, 0L);
    }

    @Test
    void aNetworkFailureOnTheThirdTakeResendsEveryTakeUnderTheSameKeysSeedsAndGroup() throws Exception {
        CompanionApi api = server.api();
        Takes takes = new Takes(7, null, null, null, 4, null, null);
        // the first two takes are answered, the third times out
        CompanionApi flaky = (CompanionApi) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {CompanionApi.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createGeneration") && server.creates.size() == 2) {
                        server.creates.add((CreateGenerationRequest) args[0]);
                        server.keys.add((String) args[1]);
                        throw new SocketTimeoutException("timeout");
                    }
                    return method.invoke(api, args);
                });

        GenerationSubmitter.Submitted first = submitter.submit(flaky, PHOTO, takes);
        GenerationSubmitter.Submitted again = submitter.submit(api, PHOTO, takes);

        assertThat(first.accepted()).hasSize(2);
        assertThat(first.stoppedBy()).isInstanceOf(SocketTimeoutException.class);
        assertThat(again.complete()).isTrue();
        assertThat(server.keys).hasSize(7);
        assertThat(server.keys.subList(3, 6)).isEqualTo(server.keys.subList(0, 3));
        assertThat(server.creates.subList(3, 6)).isEqualTo(server.creates.subList(0, 3));
        assertThat(server.uploads).hasSize(1);
    }

    @Test
    void takesAreOneToFourAndASeedMustFitIn31Bits() {
        assertThatThrownBy(() -> new Takes(7, null, null, null, 5, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Takes(7, null, null, null, 1, CreateGenerationRequest.MAX_SEED + 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPhotoTheServerAlreadyHasIsSentByItsUploadIdAndNeverUploaded() throws Exception {
        UUID earlier = UUID.randomUUID();
        Takes again = new Takes(
                7, "warm", null, com.pixfino.model.AspectRatio.parse("9:16").orElseThrow(), 2, 1234L, null);

        GenerationSubmitter.Submitted submitted = submitter.submit(server.api(), PhotoSource.uploaded(earlier), again);

        assertThat(submitted.complete()).isTrue();
        assertThat(server.uploads).isEmpty();
        assertThat(server.creates)
                .extracting(
                        CreateGenerationRequest::uploadId,
                        CreateGenerationRequest::aspectRatio,
                        CreateGenerationRequest::seed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(earlier, "9:16", 1234L),
                        org.assertj.core.groups.Tuple.tuple(earlier, "9:16", 1235L));
    }

    @Test
    void anExpiredUploadIsToldApartFromAMissingStyle() {
        assertThat(PhotoSource.expired(new CompanionApiException(404, "not_found", "Upload 5 was not found.")))
                .isTrue();
        assertThat(PhotoSource.expired(new CompanionApiException(410, "gone", "The photo expired.")))
                .isTrue();
        assertThat(PhotoSource.expired(new CompanionApiException(404, "not_found", "Style 5 was not found.")))
                .isFalse();
        assertThat(PhotoSource.expired(new CompanionApiException(402, "insufficient_credits", "No.")))
                .isFalse();
        assertThat(PhotoSource.expired(new SocketTimeoutException("timeout"))).isFalse();
    }
}
