package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import katagym.web.store.Database;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir Path dir;

    @Test
    void aFreshDatabaseIsMigratedToTheLatestVersionAndReopeningChangesNothing() throws Exception {
        Database db = Database.sqlite(dir);
        List<String> tables = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
        }
        assertThat(tables).contains("members", "tokens", "runs", "results", "latest", "ingest_offsets", "flyway_schema_history");
        var info = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration/sqlite").load().info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.current().getVersion().getVersion()).isEqualTo(String.valueOf(info.applied().length));
        Database again = Database.sqlite(dir); // migrating twice is a no-op
        assertThat(Flyway.configure().dataSource(again.dataSource()).locations("classpath:db/migration/sqlite").load().info().applied())
                .hasSameSizeAs(info.applied());
        again.close();
        db.close();
    }
}
