package com.pixfino.server.storage;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link Storage} in an S3-compatible bucket (AWS SDK v2). A PUT replaces an object atomically, so readers
 * never see half a file; files can be handed out as presigned GET links.
 */
public final class S3Storage implements Storage, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3Storage.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    private S3Storage(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** Connects and checks the bucket is there, so a wrong setting stops the server at start. */
    public static S3Storage open(S3Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        settings.accessKey().get(), settings.secretKey().orElse("")))
                : DefaultCredentialsProvider.builder().build();
        Region region = Region.of(settings.region());
        var client = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // S3-compatible servers (R2, MinIO, s3proxy) reject the SDK's newer default checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presigner = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build());
        settings.endpoint().ifPresent(endpoint -> {
            client.endpointOverride(endpoint);
            presigner.endpointOverride(endpoint);
        });
        S3Storage storage = new S3Storage(client.build(), presigner.build(), settings.bucket());
        try {
            storage.s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (SdkException e) {
            storage.close();
            throw new StorageException(
                    "PIXFINO_S3_BUCKET '" + settings.bucket() + "' cannot be reached"
                            + settings.endpoint().map(u -> " at " + u).orElse("") + ": " + e.getMessage(),
                    e);
        }
        log.info(
                "event=storage_opened backend=s3 bucket={} endpoint={}",
                settings.bucket(),
                settings.endpoint().map(URI::toString).orElse("aws"));
        return storage;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        writeKey(
                key,
                "could not store key ",
                () -> s3.putObject(
                        r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes)));
    }

    @Override
    public InputStream open(String key) {
        return readKey(
                key,
                "could not open key ",
                () -> s3.getObject(r -> r.bucket(bucket).key(key)));
    }

    @Override
    public boolean exists(String key) {
        StorageKey.requireValid(key);
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new StorageException("could not check key " + key, e);
        } catch (SdkException e) {
            throw new StorageException("could not check key " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        writeKey(
                key,
                "could not delete key ",
                () -> s3.deleteObject(r -> r.bucket(bucket).key(key)));
    }

    @Override
    public long size(String key) {
        return readKey(
                key,
                "could not read size of key ",
                () -> s3.headObject(r -> r.bucket(bucket).key(key)).contentLength());
    }

    @Override
    public Optional<URI> presignedGet(String key, Duration ttl) {
        StorageKey.requireValid(key);
        try {
            return Optional.of(presigner
                    .presignGetObject(p -> p.signatureDuration(ttl)
                            .getObjectRequest(r -> r.bucket(bucket).key(key)))
                    .url()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new StorageException("presigned link for key " + key + " is not a URI", e);
        }
    }

    /** Reads from an existing {@code key}: a missing one is StoredFileNotFoundException, other failures say {@code what}. */
    private static void writeKey(String key, String what, Runnable write) {
        StorageKey.requireValid(key);
        try {
            write.run();
        } catch (SdkException e) {
            throw new StorageException(what + key, e);
        }
    }

    private static <T> T readKey(String key, String what, Supplier<T> read) {
        StorageKey.requireValid(key);
        try {
            return read.get();
        } catch (NoSuchKeyException e) {
            throw new StoredFileNotFoundException(key);
        } catch (S3Exception e) {
            throw e.statusCode() == 404 ? new StoredFileNotFoundException(key) : new StorageException(what + key, e);
        } catch (SdkException e) {
            throw new StorageException(what + key, e);
        }
    }

    @Override
    public void close() {
        s3.close();
        presigner.close();
    }
}
