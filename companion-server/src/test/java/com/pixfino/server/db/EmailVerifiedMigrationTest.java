package com.pixfino.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Accounts made before email verification existed count as verified, so nothing they did before stops working. */
class EmailVerifiedMigrationTest {

    @Test
    void accountsThatExistWhenVerificationArrivesCountAsVerified() throws Exception {
        ServerConfig.DatabaseSettings db = TestDatabases.freshDatabase();
        flyway(db, "13").migrate();
        UUID before = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO users (id, email, name, password_hash, role,"
                                + " tier, created_at) VALUES (?, ?, 'Old Timer', 'x', 'USER', 'FREE', now() - interval '1 year')")) {
            insert.setObject(1, before);
            insert.setString(2, "old-" + before + "@example.com");
            insert.executeUpdate();
        }

        try (Database database = Database.open(db.url(), db.user(), db.password(), 2, null);
                Connection c = database.dataSource().getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT email_verified_at, created_at FROM users WHERE id = ?")) {
            select.setObject(1, before);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject(1)).as("verified").isNotNull();
                assertThat(row.getTimestamp(1)).isEqualTo(row.getTimestamp(2));
            }
        }
    }

    private static Flyway flyway(ServerConfig.DatabaseSettings db, String target) {
        return Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/migration", "classpath:com/pixfino/server/db/migration")
                .target(target)
                .load();
    }
}
