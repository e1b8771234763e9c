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
        assertThat(info.applied()).hasSameSizeAs(info.all());
        assertThat(info.current().getVersion()).isEqualTo(java.util.Arrays.stream(info.all())
                .map(org.flywaydb.core.api.MigrationInfo::getVersion).max(java.util.Comparator.naturalOrder()).orElseThrow());
        assertThat(tables).contains("practice_reported", "practice_scorecards", "practice_overdue");
        Database again = Database.sqlite(dir); // migrating twice is a no-op
        assertThat(Flyway.configure().dataSource(again.dataSource()).locations("classpath:db/migration/sqlite").load().info().applied())
                .hasSameSizeAs(info.applied());
        again.close();
        db.close();
    }

    @Test
    void aDatabaseFromTheFirstVersionIsUpgradedWithItsDataKept() throws Exception {
        var sqlite = new org.sqlite.SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("kata-gym.db"));
        Flyway.configure().dataSource(sqlite).locations("classpath:db/migration/sqlite").target("1").load().migrate();
        try (Connection c = sqlite.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO members(name, created_at) VALUES ('early', '2026-01-01T00:00:00Z')");
        }
        Database db = Database.sqlite(dir); // migrates V1 to the latest version
        var store = new katagym.web.store.ReportStore(db);
        assertThat(store.memberId("early")).isPresent();
        var groups = new katagym.web.store.GroupStore(db, store, new katagym.web.store.Tokens(db));
        assertThat(groups.create("after-upgrade")).isTrue();
        groups.addMember("after-upgrade", "early");
        assertThat(groups.members("after-upgrade")).containsExactly("early");
        db.close();
    }
}
