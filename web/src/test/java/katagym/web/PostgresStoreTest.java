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
        Assumptions.assumeTrue(URL != null && !URL.isBlank(), "PostgreSQL tests need KATA_TEST_PG_URL (.ci/run sets it)");
        String schema = "t" + UUID.randomUUID().toString().replace("-", "");
        String user = System.getenv("KATA_TEST_PG_USER");
        String password = System.getenv("KATA_TEST_PG_PASSWORD");
        try (Connection c = java.sql.DriverManager.getConnection(URL, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String sep = URL.contains("?") ? "&" : "?";
        return Database.open(URL + sep + "currentSchema=" + schema, user, password, null);
    }
}
