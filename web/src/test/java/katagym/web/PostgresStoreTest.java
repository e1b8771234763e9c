package katagym.web;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import katagym.web.store.Database;
import org.junit.jupiter.api.Assumptions;

/**
 * The storage contract on a real PostgreSQL server: {@code KATA_TEST_PG_URL} (with KATA_TEST_PG_USER
 * and KATA_TEST_PG_PASSWORD) names a database where the test may create schemas; .ci/run installs
 * PostgreSQL, starts it on loopback and sets them. Each test gets a fresh schema.
 */
class PostgresStoreTest extends StoreContract {
    static final String URL = System.getenv("KATA_TEST_PG_URL");

    @Override
    Database open() throws Exception {
        return Database.open(freshSchema(), USER, PASSWORD, null);
    }

    static final String USER = System.getenv("KATA_TEST_PG_USER");
    static final String PASSWORD = System.getenv("KATA_TEST_PG_PASSWORD");

    /** A new, empty schema: the URL that uses it. */
    private static String freshSchema() throws Exception {
        Assumptions.assumeTrue(URL != null && !URL.isBlank(), "PostgreSQL tests need KATA_TEST_PG_URL (.ci/run sets it)");
        String schema = "t" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = java.sql.DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String sep = URL.contains("?") ? "&" : "?";
        return URL + sep + "currentSchema=" + schema;
    }

    @Override
    Legacy legacy() throws Exception {
        String url = freshSchema();
        var raw = new org.postgresql.ds.PGSimpleDataSource();
        raw.setUrl(url);
        if (USER != null) raw.setUser(USER);
        if (PASSWORD != null) raw.setPassword(PASSWORD);
        return new Legacy(raw, "classpath:db/migration/postgresql", () -> Database.open(url, USER, PASSWORD, null));
    }
}
