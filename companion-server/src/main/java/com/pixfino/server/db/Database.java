package com.pixfino.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The connection pool, migrated schema and jOOQ context of the store of record. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final AutoCloseable owned;

    private Database(HikariDataSource dataSource, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    /** Opens a pool on {@code url}, runs the Flyway migrations, and closes {@code owned} (an embedded cluster) with itself. */
    public static Database open(String url, String user, String password, int poolSize, AutoCloseable owned) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("pixfino-db");
        config.setConnectionTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:com/pixfino/server/db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, owned);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when a trivial query answers within two seconds. */
    public boolean isReachable() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception ignored) {
                // the pool is closed already; a failing embedded stop only leaves a process the next start cleans up
            }
        }
    }
}
