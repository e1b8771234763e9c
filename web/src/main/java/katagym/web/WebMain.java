package katagym.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.run.ProjectRoot;
import katagym.web.ingest.HistoryIngester;
import katagym.web.ingest.ReportValidator;
import katagym.web.pages.Dashboard;
import katagym.web.store.Database;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kata serve}: the dashboard on the embedded database, following the local run history. */
@Command(name = "kata", subcommands = {WebMain.Serve.class, LoadBenchmark.class}, mixinStandardHelpOptions = true)
public final class WebMain {
    @Option(names = "--root", description = "Repository root (default: found from the current folder).")
    Path root;

    public static final int DEFAULT_PORT = 7070;

    /** The data directory: {@code --data}, else {@code $KATA_HOME}, else {@code ~/.kata-gym}. */
    static Path dataDir(Path option) {
        if (option != null) return option.toAbsolutePath().normalize();
        String home = System.getenv("KATA_HOME");
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath().normalize();
        return Path.of(System.getProperty("user.home"), ".kata-gym");
    }

    /** Everything a running dashboard holds, so tests can start and stop one. */
    public record Server(Javalin app, HistoryIngester ingester, Database db, ReportStore store, Tokens tokens, String localToken)
            implements AutoCloseable {
        @Override
        public void close() {
            ingester.close();
            app.stop();
            db.close();
        }
    }

    public static Server start(Path root, Path dataDir, int port) throws IOException {
        Catalogue catalogue = Catalogue.standard();
        Database db = Database.sqlite(dataDir);
        ReportStore store = new ReportStore(db);
        Tokens tokens = new Tokens(db);
        long local = store.ensureMember(WebApp.LOCAL_MEMBER);
        String token = localToken(dataDir, tokens, local);
        ReportValidator validator = new ReportValidator(catalogue);
        HistoryIngester ingester = new HistoryIngester(root.resolve(".kata/history.jsonl"), store, validator, local).start(500);
        Javalin app = new WebApp(new Dashboard(catalogue, store, root), store, tokens, validator).create().start(port);
        return new Server(app, ingester, db, store, tokens, token);
    }

    /** The local upload token: created on first start, kept (owner-only) in the data directory. */
    static String localToken(Path dataDir, Tokens tokens, long member) throws IOException {
        Path file = dataDir.resolve("local-token");
        if (Files.exists(file)) {
            String t = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (tokens.verify(t).isPresent()) return t;
        }
        String t = tokens.create(member);
        Files.writeString(file, t + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the file keeps its default permissions
        }
        return t;
    }

    @Command(name = "serve", description = "Start the dashboard.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand WebMain parent;

        @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE}).", defaultValue = "" + DEFAULT_PORT)
        int port;

        @Option(names = "--data", description = "Data directory (default: $KATA_HOME, else ~/.kata-gym).")
        Path data;

        @Override
        public Integer call() throws Exception {
            Path root = parent.root != null ? parent.root.toAbsolutePath().normalize() : ProjectRoot.find();
            Path dir = dataDir(data);
            Server s = start(root, dir, port);
            System.out.println("Kata Gym dashboard on http://localhost:" + s.app().port() + "/");
            System.out.println("  data   " + dir.resolve("kata-gym.db"));
            System.out.println("  token  " + dir.resolve("local-token") + " (for POST /api/reports)");
            System.out.println("  following " + root.resolve(".kata/history.jsonl") + " · Ctrl-C stops");
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            Thread.currentThread().join();
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WebMain()).execute(args));
    }
}
