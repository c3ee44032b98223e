package com.pixfino.server.config;

import com.pixfino.server.storage.S3Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** S3-compatible storage, used when {@code PIXFINO_S3_BUCKET} is set (else files stay on the filesystem). */
final class S3Environment {

    private final EnvironmentValues values;

    S3Environment(Map<String, String> env) {
        this.values = new EnvironmentValues(env);
    }

    Optional<S3Settings> s3() {
        Optional<String> bucket = values.text("PIXFINO_S3_BUCKET");
        Optional<String> accessKey = values.text("PIXFINO_S3_ACCESS_KEY");
        Optional<String> secretKey = values.text("PIXFINO_S3_SECRET_KEY");
        if (bucket.isEmpty()) {
            if (values.text("PIXFINO_S3_ENDPOINT").isPresent() || accessKey.isPresent()) {
                throw new ConfigException(
                        "PIXFINO_S3_BUCKET is not set although other PIXFINO_S3_ settings are: name the bucket, or unset them to keep files on disk.");
            }
            return Optional.empty();
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new ConfigException(
                    "PIXFINO_S3_ACCESS_KEY and PIXFINO_S3_SECRET_KEY go together: set both, or neither to use the AWS default credentials.");
        }
        return Optional.of(new S3Settings(
                values.url("PIXFINO_S3_ENDPOINT"),
                bucket.get(),
                values.text("PIXFINO_S3_REGION").orElse("us-east-1"),
                accessKey,
                secretKey,
                values.flag("PIXFINO_S3_PATH_STYLE", false),
                Duration.ofSeconds(values.seconds("PIXFINO_S3_LINK_SECONDS", 900, 60, 7 * 24 * 3600))));
    }
}
