package com.pixfino.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.pixfino.server.testsupport.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The storage contract on a real S3-compatible server (s3proxy in this JVM), plus presigned links. */
class S3StorageTest extends StorageContractTest {

    @AutoClose
    private static final S3ProxyServer s3 = new S3ProxyServer();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    protected Storage createStorage() {
        return S3Storage.open(s3.settings(s3.newBucket()));
    }

    @Test
    void storesTheContentType() {
        storage.put("outputs/1/a.png", new byte[] {1, 2}, "image/png");

        var head = s3.client().headObject(h -> h.bucket(bucketOf(storage)).key("outputs/1/a.png"));
        assertThat(head.contentType()).isEqualTo("image/png");
    }

    @Test
    void aPresignedLinkServesTheFileWithoutCredentials() throws Exception {
        storage.put("outputs/1/a.jpg", "jpeg bytes".getBytes(), "image/jpeg");

        URI link =
                storage.presignedGet("outputs/1/a.jpg", Duration.ofMinutes(5)).orElseThrow();

        assertThat(link.isAbsolute()).isTrue();
        assertThat(link.getQuery()).contains("X-Amz-Expires=300").contains("X-Amz-Signature=");
        HttpResponse<byte[]> answer =
                HTTP.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new String(answer.body())).isEqualTo("jpeg bytes");
        assertThat(answer.headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void aTamperedOrUnsignedLinkIsRefused() throws Exception {
        storage.put("outputs/1/b.jpg", new byte[] {7}, "image/jpeg");
        URI link =
                storage.presignedGet("outputs/1/b.jpg", Duration.ofMinutes(5)).orElseThrow();

        URI otherKey = URI.create(link.toString().replace("outputs/1/b.jpg", "outputs/1/c.jpg"));
        URI unsigned = URI.create(link.toString().substring(0, link.toString().indexOf('?')));
        assertThat(status(otherKey)).isEqualTo(403);
        assertThat(status(unsigned)).isEqualTo(403);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        storage.put("outputs/1/d.jpg", new byte[] {7}, "image/jpeg");
        URI link =
                storage.presignedGet("outputs/1/d.jpg", Duration.ofSeconds(3)).orElseThrow();
        assertThat(status(link)).as("fresh").isEqualTo(200);

        await("the link to expire").atMost(Duration.ofSeconds(10)).until(() -> status(link), status -> status == 403);
    }

    @Test
    void aMissingBucketStopsTheServerWithOneSentence() {
        var missing = new S3Settings(
                Optional.of(s3.endpoint()),
                "no-such-bucket",
                "us-east-1",
                Optional.of(S3ProxyServer.ACCESS_KEY),
                Optional.of(S3ProxyServer.SECRET_KEY),
                true,
                Duration.ofMinutes(1));
        assertThatThrownBy(() -> S3Storage.open(missing))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("PIXFINO_S3_BUCKET 'no-such-bucket' cannot be reached");
    }

    @Test
    void theFilesystemHandsOutNoLinks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(new FileSystemStorage(dir).presignedGet("outputs/1/a.jpg", Duration.ofMinutes(5)))
                .isEmpty();
        assertThatThrownBy(() -> new FileSystemStorage(dir).presignedGet("../a.jpg", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int status(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String bucketOf(Storage storage) {
        // the link names the bucket in its path (path-style)
        return storage.presignedGet("x", Duration.ofMinutes(1))
                .orElseThrow()
                .getPath()
                .split("/")[1];
    }
}
