package katagym.web.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The dashboard's database: SQLite in the data directory by default, PostgreSQL when given a JDBC
 * URL; the schema is kept by Flyway migrations ({@code db/migration/<vendor>}).
 */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;

    private Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens (creating if needed) {@code kata-gym.db} in {@code dataDir} and migrates it. The directory
     * is owner-only (0700) and the database owner-only (0600) from creation; SQLite gives its WAL and
     * shared-memory files the database's permissions.
     */
    public static Database sqlite(Path dataDir) {
        try {
            PrivateFiles.directory(dataDir);
            PrivateFiles.file(dataDir.resolve("kata-gym.db"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dataDir, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL); // readers do not wait for the writer
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + dataDir.resolve("kata-gym.db").toAbsolutePath());
        // a small pool: opening a SQLite connection per request costs more than the query
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(8);
        pool.setPoolName("kata-gym-sqlite");
        migrateSqlite(sqlite.getUrl());
        Database db = new Database(new HikariDataSource(pool));
        db.vacuumIfMostlyFree();
        return db;
    }

    /**
     * Migrates on a connection of its own without foreign-key enforcement: SQLite rebuilds a table to
     * change a constraint (V5 drops the UNIQUE of members.name), which its documented procedure does
     * with the keys off, and PRAGMA foreign_keys is a no-op inside the migration's transaction. The
     * keys are checked afterwards: a migration that broke one fails here instead of serving.
     */
    private static void migrateSqlite(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(false);
        SQLiteDataSource plain = new SQLiteDataSource(config);
        plain.setUrl(url);
        Flyway.configure().dataSource(plain).locations("classpath:db/migration/sqlite").load().migrate();
        try (Connection c = plain.getConnection(); java.sql.Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA foreign_key_check")) {
            if (rs.next()) {
                throw new IllegalStateException("the database's foreign keys are broken after migrating: table " + rs.getString(1)
                        + " row " + rs.getLong(2) + " refers to a missing row of " + rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database's foreign keys: " + e.getMessage(), e);
        }
    }

    /**
     * SQLite keeps the pages a migration freed (V4 dropped the raw report bodies, most of the file) and
     * reuses them; when over half the file is free pages, this gives them back to the disk, once.
     */
    private void vacuumIfMostlyFree() {
        try (Connection c = connect(); java.sql.Statement st = c.createStatement()) {
            long free;
            long pages;
            try (var rs = st.executeQuery("PRAGMA freelist_count")) { rs.next(); free = rs.getLong(1); }
            try (var rs = st.executeQuery("PRAGMA page_count")) { rs.next(); pages = rs.getLong(1); }
            if (free > 256 && free * 2 > pages) st.execute("VACUUM");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compact the database: " + e.getMessage(), e);
        }
    }

    /**
     * SQLite in {@code dataDir} when {@code jdbcUrl} is null or blank, else the PostgreSQL database
     * it names ({@code jdbc:postgresql://host:port/db}; user and password from the arguments or the URL).
     */
    public static Database open(String jdbcUrl, String user, String password, Path dataDir) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) return sqlite(dataDir);
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported database URL " + jdbcUrl + ": use jdbc:postgresql://host:port/database, or none for SQLite");
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isBlank()) pool.setUsername(user);
        if (password != null) pool.setPassword(password);
        pool.setMaximumPoolSize(10);
        pool.setPoolName("kata-gym-postgresql");
        return migrated(new HikariDataSource(pool), "postgresql");
    }

    static Database migrated(DataSource ds, String vendor) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/" + vendor).load().migrate();
        return new Database(ds);
    }

    /** A database as it is, without migrating it: for tests that build an older schema's data before upgrading it. */
    public static Database unmigrated(DataSource ds) {
        return new Database(ds);
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public DataSource dataSource() { return dataSource; }

    /** Closes the connection pool. */
    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource h) h.close();
    }
}
