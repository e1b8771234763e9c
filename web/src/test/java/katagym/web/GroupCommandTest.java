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
}
