package katagym.web;

import java.nio.file.Path;
import katagym.web.store.Database;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
    @TempDir Path dir;

    @Override
    Database open() {
        return Database.sqlite(dir);
    }
}
