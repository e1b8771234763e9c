package katagym.web;

import java.nio.file.Files;
import java.nio.file.Path;
import katagym.web.store.Database;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
    @TempDir Path dir;

    @Override
    Database open() {
        return Database.sqlite(dir);
    }

    @Override
    Legacy legacy() throws Exception {
        Path legacy = Files.createDirectories(dir.resolve("legacy"));
        var raw = new org.sqlite.SQLiteDataSource();
        raw.setUrl("jdbc:sqlite:" + legacy.resolve("kata-gym.db"));
        return new Legacy(raw, "classpath:db/migration/sqlite", () -> Database.sqlite(legacy));
    }
}
