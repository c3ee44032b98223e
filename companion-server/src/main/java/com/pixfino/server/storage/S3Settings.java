package com.pixfino.server.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * An S3-compatible bucket: AWS S3, Cloudflare R2, MinIO… {@code endpoint} overrides AWS's (R2, MinIO),
 * {@code pathStyle} puts the bucket in the path rather than the host name (MinIO, most local servers);
 * absent keys mean the AWS default credential chain.
 */
public record S3Settings(
        Optional<URI> endpoint,
        String bucket,
        String region,
        Optional<String> accessKey,
        Optional<String> secretKey,
        boolean pathStyle,
        Duration linkLifetime) {

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                + ", accessKey=" + accessKey.map(k -> "***") + ", secretKey=" + secretKey.map(k -> "***")
                + ", pathStyle=" + pathStyle + ", linkLifetime=" + linkLifetime + "]";
    }
}
