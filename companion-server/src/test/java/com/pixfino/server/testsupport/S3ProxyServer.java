package com.pixfino.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.server.storage.S3Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server in this JVM (s3proxy over an in-memory jclouds blob store), with real SigV4
 * authentication, so the S3 storage is tested against the protocol rather than a mock.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "pixfino-test-access";
    public static final String SECRET_KEY = "pixfino-test-secret-key";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final S3Client admin;

    public S3ProxyServer() {
        Properties properties = new Properties();
        context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(properties)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            await("s3proxy to start")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> "STARTED".equals(proxy.getState()));
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        admin = S3Client.builder()
                .region(Region.of(REGION))
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Creates an empty bucket with a unique name and returns it. */
    public String newBucket() {
        String bucket = "pixfino-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** Settings that point the server's S3 storage at {@code bucket} here. */
    /** A server with its files in {@code bucket}, a scripted "replicate" provider, a fresh directory and database. */
    public TestServer startServer(String name, String bucket) {
        return TestServer.start(
                TestServer.freshConfig(name).withS3(Optional.of(settings(bucket))),
                List.of(new ScriptedProvider("replicate")));
    }

    /** Checks that {@code link} is a presigned link to a generation's file in {@code bucket}, fetches it and checks the 200. */
    public HttpResponse<byte[]> fetchGenerationFile(String bucket, URI link) throws IOException, InterruptedException {
        assertThat(link.toString())
                .startsWith(endpoint() + "/" + bucket + "/generations/")
                .contains("X-Amz-Signature=");
        HttpResponse<byte[]> file = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        return file;
    }

    public S3Settings settings(String bucket) {
        return new S3Settings(
                Optional.of(endpoint()),
                bucket,
                REGION,
                Optional.of(ACCESS_KEY),
                Optional.of(SECRET_KEY),
                true,
                Duration.ofMinutes(15));
    }

    /** A client for looking into the buckets from tests. */
    public S3Client client() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        } finally {
            context.close();
        }
    }
}
