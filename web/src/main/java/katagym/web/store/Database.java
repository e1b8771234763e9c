package katagym.web.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The dashboard's database: SQLite in the data directory, its schema kept by Flyway migrations. */
public final class Database {
    private final DataSource dataSource;

    private Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens (creating if needed) {@code kata-gym.db} in {@code dataDir} and migrates it. */
    public static Database sqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
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
        return migrated(new HikariDataSource(pool), "sqlite");
    }

    static Database migrated(DataSource ds, String vendor) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/" + vendor).load().migrate();
        return new Database(ds);
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public DataSource dataSource() { return dataSource; }

    /** Closes the connection pool. */
    public void close() {
        if (dataSource instanceof HikariDataSource h) h.close();
    }
}
