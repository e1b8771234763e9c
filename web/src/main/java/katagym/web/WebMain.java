package katagym.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.run.ProjectRoot;
import katagym.web.ingest.HistoryIngester;
import katagym.web.ingest.ReportValidator;
import katagym.web.pages.Dashboard;
import katagym.web.store.Database;
import katagym.web.store.GroupStore;
import katagym.web.store.PrivateFiles;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./kata serve}, {@code ./kata group ...} and {@code ./kata web-bench}: the dashboard and its
 * administration. Data lives in SQLite in the data directory, or in PostgreSQL given a JDBC URL.
 */
@Command(name = "kata", subcommands = {WebMain.Serve.class, GroupCommand.class, LoadBenchmark.class}, mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT)
public final class WebMain {
    @Option(names = "--root", description = "Repository root (default: found from the current folder).")
    Path root;

    public static final int DEFAULT_PORT = 7070;
    /** Loopback only: a group server opts in to other interfaces with {@code --host 0.0.0.0}. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Where the data lives: options, else KATA_HOME / KATA_DB_URL / KATA_DB_USER / KATA_DB_PASSWORD. */
    static final class DbOptions {
        @Option(names = "--data", description = "Data directory (default: $KATA_HOME, else ~/.kata-gym).")
        Path data;

        @Option(names = "--db-url", description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/kata (default: $KATA_DB_URL, else SQLite in the data directory).")
        String dbUrl;

        @Option(names = "--db-user", description = "Database user (default: $KATA_DB_USER). The password comes from $KATA_DB_PASSWORD.")
        String dbUser;

        Path dataDir() {
            if (data != null) return data.toAbsolutePath().normalize();
            String home = System.getenv("KATA_HOME");
            if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath().normalize();
            return Path.of(System.getProperty("user.home"), ".kata-gym");
        }

        Database open() {
            String url = dbUrl != null ? dbUrl : System.getenv("KATA_DB_URL");
            String user = dbUser != null ? dbUser : System.getenv("KATA_DB_USER");
            return Database.open(url, user, System.getenv("KATA_DB_PASSWORD"), dataDir());
        }

        /**
         * True when the SQLite database is one the organiser pointed at (--data or $KATA_HOME) or one
         * that exists already: a group command never creates one silently in the home directory.
         */
        boolean explicitOrExisting() {
            String url = dbUrl != null ? dbUrl : System.getenv("KATA_DB_URL");
            if (url != null && !url.isBlank()) return true;
            String home = System.getenv("KATA_HOME");
            return data != null || (home != null && !home.isBlank()) || java.nio.file.Files.exists(dataDir().resolve("kata-gym.db"));
        }

        String describe() {
            String url = dbUrl != null ? dbUrl : System.getenv("KATA_DB_URL");
            return url != null && !url.isBlank() ? url : dataDir().resolve("kata-gym.db").toString();
        }
    }

    /** Everything a running dashboard holds, so tests can start and stop one. */
    public record Server(Javalin app, HistoryIngester ingester, Database db, ReportStore store, Tokens tokens,
                         GroupStore groups, String localToken) implements AutoCloseable {
        @Override
        public void close() {
            ingester.close();
            app.stop();
            db.close();
        }
    }

    /** A dashboard on SQLite in {@code dataDir}, on the loopback interface. */
    public static Server start(Path root, Path dataDir, int port) throws IOException {
        return start(root, Database.sqlite(dataDir), dataDir, DEFAULT_HOST, port);
    }

    /** A dashboard listening on {@code host} (an address or name; {@code 0.0.0.0} is every interface). */
    public static Server start(Path root, Database db, Path dataDir, String host, int port) throws IOException {
        return start(root, db, dataDir, host, port, WebApp.Options.DEFAULTS);
    }

    /** As above, with the organiser's options (TLS proxy, sessions, upload limits). */
    public static Server start(Path root, Database db, Path dataDir, String host, int port, WebApp.Options options) throws IOException {
        Catalogue catalogue = Catalogue.standard();
        ReportStore store = new ReportStore(db);
        Tokens tokens = new Tokens(db);
        GroupStore groups = new GroupStore(db, store, tokens);
        long local = store.ensureMember(WebApp.LOCAL_MEMBER);
        String token = localToken(dataDir, tokens, local);
        ReportValidator validator = new ReportValidator(catalogue);
        HistoryIngester ingester = new HistoryIngester(root.resolve(".kata/history.jsonl"), store, validator, local).start(500);
        Javalin app = new WebApp(new Dashboard(catalogue, store, root), store, tokens, Tokens.admin(db), groups, validator, options)
                .create().start(host, port);
        return new Server(app, ingester, db, store, tokens, groups, token);
    }

    /** The local upload token: created on first start, kept (owner-only) in the data directory. */
    static String localToken(Path dataDir, Tokens tokens, long member) throws IOException {
        PrivateFiles.directory(dataDir);
        Path file = dataDir.resolve("local-token");
        if (Files.exists(file)) {
            PrivateFiles.file(file); // narrows a token file written by an older version
            String t = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (tokens.verify(t).isPresent()) return t;
        }
        String t = tokens.create(member);
        PrivateFiles.write(file, t + "\n");
        return t;
    }

    Path root() {
        return root != null ? root.toAbsolutePath().normalize() : ProjectRoot.find();
    }

    @Command(name = "serve", description = "Start the dashboard.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand WebMain parent;

        @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE}).", defaultValue = "" + DEFAULT_PORT)
        int port;

        @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for a group server).",
                defaultValue = DEFAULT_HOST)
        String host;

        @Mixin DbOptions db;

        @Option(names = "--behind-tls-proxy", description = "The server runs behind a reverse proxy that ends TLS: trust its"
                + " X-Forwarded-Proto header to know a request came over https (Secure cookies, the https origin). Never set it"
                + " when clients can reach the server directly.")
        boolean behindTlsProxy;

        @Option(names = "--session-idle-minutes", description = "A sign-in (admin or private group) ends after this long without a request (default ${DEFAULT-VALUE}).",
                defaultValue = "" + WebApp.Options.SESSION_IDLE_MINUTES)
        long sessionIdleMinutes;

        @Option(names = "--session-max-hours", description = "A sign-in ends this long after it began, however active (default ${DEFAULT-VALUE}).",
                defaultValue = "" + WebApp.Options.SESSION_MAX_HOURS)
        long sessionMaxHours;

        @Option(names = "--upload-burst", description = "Uploads a member may send at once (default ${DEFAULT-VALUE}); more get 429.",
                defaultValue = "" + WebApp.Options.UPLOAD_BURST)
        int uploadBurst;

        @Option(names = "--uploads-per-hour", description = "Uploads per member and hour once the burst is spent (default ${DEFAULT-VALUE}).",
                defaultValue = "" + WebApp.Options.UPLOADS_PER_HOUR)
        int uploadsPerHour;

        @Option(names = "--max-runs-per-member", description = "Stored runs per member; past it an upload gets 507 and stores nothing (default ${DEFAULT-VALUE}).",
                defaultValue = "" + WebApp.Options.MAX_RUNS_PER_MEMBER)
        int maxRunsPerMember;

        WebApp.Options options() {
            return WebApp.Options.DEFAULTS.behindTlsProxy(behindTlsProxy)
                    .sessions(java.time.Duration.ofMinutes(sessionIdleMinutes), java.time.Duration.ofHours(sessionMaxHours))
                    .uploads(uploadBurst, uploadsPerHour, maxRunsPerMember);
        }

        @Override
        public Integer call() throws Exception {
            Path root = parent.root();
            WebApp.Options options = options(); // refuses nonsense before opening anything
            Server s = start(root, db.open(), db.dataDir(), host, port, options);
            boolean everywhere = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
            System.out.println("Kata Gym dashboard on http://" + (everywhere ? "localhost" : host.contains(":") ? "[" + host + "]" : host)
                    + ":" + s.app().port() + "/" + (everywhere ? " and on every network interface (--host " + host + ")" : " (this machine only)"));
            System.out.println("  data   " + db.describe());
            System.out.println("  token  " + db.dataDir().resolve("local-token") + " (your uploads to POST /api/reports)");
            System.out.println("  following " + root.resolve(".kata/history.jsonl") + " · Ctrl-C stops");
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            Thread.currentThread().join();
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a dashboard command ({@code serve}, {@code group ...}, {@code web-bench}) and returns its exit code. */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new WebMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }
}
