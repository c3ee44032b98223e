package com.pixfino.server.privacy;

import com.pixfino.server.testsupport.S3ProxyServer;
import com.pixfino.server.testsupport.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Export and deletion with files in an S3 bucket (s3proxy in this JVM). */
class AccountDataInS3Test extends AccountDataContract {

    private static S3ProxyServer s3;
    private static String bucket;
    private static TestServer server;

    @BeforeAll
    static void start() {
        s3 = new S3ProxyServer();
        bucket = s3.newBucket();
        server = s3.startServer("privacy-s3", bucket);
    }

    @AfterAll
    static void stop() {
        server.close();
        s3.close();
    }

    @Override
    protected TestServer server() {
        return server;
    }

    @Override
    protected List<String> storedKeysOf(UUID userId) {
        List<String> keys = new ArrayList<>();
        for (String prefix : List.of("uploads/" + userId + "/", "generations/" + userId + "/")) {
            s3.client()
                    .listObjectsV2(l -> l.bucket(bucket).prefix(prefix))
                    .contents()
                    .forEach(o -> keys.add(o.key()));
        }
        return keys;
    }
}
