package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organiser's group commands say which database they use and never create one silently. */
class GroupCommandTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    private static Run group(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "group";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Run(WebMain.run(all), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void withoutADatabaseNamedOrExistingItRefusesAndCreatesNothing() {
        Assumptions.assumeTrue(System.getenv("KATA_HOME") == null && System.getenv("KATA_DB_URL") == null,
                "the environment names a database");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            Run r = group("list");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("no dashboard database at " + dir.resolve(".kata-gym").resolve("kata-gym.db"))
                    .contains("--data DIR").contains("--create");
            assertThat(Files.exists(dir.resolve(".kata-gym"))).isFalse();
            Run created = group("create", "ml-study", "--create");
            assertThat(created.exit()).as(created.err()).isZero();
            assertThat(created.err()).contains("database: " + dir.resolve(".kata-gym").resolve("kata-gym.db"));
            assertThat(group("list").exit()).as("an existing database needs no --create").isZero();
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void aNamedDataDirectoryIsUsedAndSaid() {
        Path data = dir.resolve("dash");
        Run created = group("create", "ml-study", "--data", data.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.err()).contains("database: " + data.resolve("kata-gym.db"));
        Run added = group("add-member", "ml-study", "alice", "--data", data.toString());
        assertThat(added.out().lines().toList()).as("the token stays alone on its line of standard output").hasSize(2)
                .last().asString().startsWith("kg_");
    }
    @Test
    void revokeNamesTheGroupAndTheLocalLearnerCannotBeAddedOrRevoked() {
        String data = dir.resolve("dash").toString();
        assertThat(group("create", "a", "--data", data).exit()).isZero();
        assertThat(group("create", "b", "--data", data).exit()).isZero();
        String tokenA = group("add-member", "a", "alice", "--data", data).out().lines().toList().get(1);
        String tokenB = group("add-member", "b", "alice", "--data", data).out().lines().toList().get(1);
        Run revoked = group("revoke", "b", "alice", "--data", data);
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("revoked 1 token(s) of alice in b");
        assertThat(group("revoke", "alice", "--data", data).exit()).as("a member alone is not enough").isNotZero();
        try (var db = katagym.web.store.Database.sqlite(dir.resolve("dash"))) {
            var tokens = new katagym.web.store.Tokens(db);
            assertThat(tokens.verify(tokenA)).as("alice of a keeps her token").isPresent();
            assertThat(tokens.verify(tokenB)).isEmpty();
        }
        Run addLocal = group("add-member", "a", "local", "--data", data);
        assertThat(addLocal.exit()).isNotZero();
        assertThat(addLocal.err()).contains("reserved");
        assertThat(group("revoke", "a", "local", "--data", data).err()).contains("reserved");
        assertThat(group("list", "--data", data).out()).contains("a: alice").contains("b: alice").doesNotContain("local");
    }

    @Test
    void aGroupCanBeCreatedPrivateAndMadePublicAgain() {
        String data = dir.resolve("dash").toString();
        assertThat(group("create", "secret", "--private", "--data", data).out()).contains("created private group secret");
        try (var db = katagym.web.store.Database.sqlite(dir.resolve("dash"))) {
            var store = new katagym.web.store.ReportStore(db);
            var groups = new katagym.web.store.GroupStore(db, store, new katagym.web.store.Tokens(db));
            assertThat(groups.find("secret").orElseThrow().isPrivate()).isTrue();
        }
        assertThat(group("visibility", "secret", "public", "--data", data).out()).contains("group secret is now public");
        assertThat(group("visibility", "secret", "hidden", "--data", data).exit()).isEqualTo(2);
        assertThat(group("visibility", "nope", "private", "--data", data).exit()).isEqualTo(1);
        try (var db = katagym.web.store.Database.sqlite(dir.resolve("dash"))) {
            var store = new katagym.web.store.ReportStore(db);
            var groups = new katagym.web.store.GroupStore(db, store, new katagym.web.store.Tokens(db));
            assertThat(groups.find("secret").orElseThrow().isPrivate()).isFalse();
        }
    }
}
