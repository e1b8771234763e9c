package katagym.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.ReportFiles;
import katagym.grader.report.Status;
import katagym.grader.spec.CheckKind;
import katagym.web.ingest.ReportValidator;
import katagym.web.pages.Dashboard;
import katagym.web.store.Database;
import katagym.web.store.GroupStore;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;

/** A dashboard on a fresh database in a temporary folder, and sample reports. */
final class Fixture implements AutoCloseable {
    final Database db;
    final ReportStore store;
    final Tokens tokens;
    final long local;
    final String token;
    final Javalin app;
    final GroupStore groups;
    final Tokens admin;

    Fixture(Path dataDir, Path root) {
        this(dataDir, root, Catalogue.standard());
    }

    /**
     * Tests that are not about the upload rate and quota upload far more than a member may: their
     * limits are lifted here (UploadLimitsTest checks the real ones).
     */
    static final WebApp.Options UNLIMITED = WebApp.Options.DEFAULTS.uploads(1_000_000, 1_000_000, 1_000_000);

    Fixture(Path dataDir, Path root, Catalogue catalogue) {
        this(dataDir, root, catalogue, UNLIMITED);
    }

    Fixture(Path dataDir, Path root, Catalogue catalogue, WebApp.Options options) {
        db = Database.sqlite(dataDir);
        store = new ReportStore(db);
        tokens = new Tokens(db);
        local = store.ensureMember(WebApp.LOCAL_MEMBER);
        token = tokens.create(local);
        groups = new GroupStore(db, store, tokens);
        admin = Tokens.admin(db);
        app = new WebApp(new Dashboard(catalogue, store, root), store, tokens, admin, groups, new ReportValidator(catalogue), options).create();
    }

    /** Closes the connection pool, so the temporary folder can be deleted. */
    @Override
    public void close() {
        db.close();
    }

    static Report failedSigmoid() {
        return Report.of("katas", false, 42, List.of(new KataReport("sigmoid", "activations", "Sigmoid", Status.FAILED, 12, List.of(
                CheckReport.passed("matchesPyTorch", CheckKind.GOLDEN),
                new CheckReport("forwardMatchesReference", CheckKind.ORACLE, Status.FAILED,
                        "sigmoid(x)[0] differs: expected 1.0, got NaN", "Case(x=[709.7827128933841], upstream=[0.0])", 1234567L)))));
    }

    /** One kata failed on a check named {@code check}, with a counterexample and a seed. */
    static Report failed(String slug, String check, int passedChecks) {
        List<CheckReport> checks = new java.util.ArrayList<>();
        for (int i = 0; i < passedChecks; i++) checks.add(CheckReport.passed("works" + i, CheckKind.ORACLE));
        checks.add(new CheckReport(check, CheckKind.INVARIANT, Status.FAILED, slug + " broke " + check, "Case(x=[1.0])", 99L));
        return Report.of("katas", false, 11, List.of(new KataReport(slug, Catalogue.standard().get(slug).topic(), slug, Status.FAILED, 4, checks)));
    }

    static Report passed(String... slugs) {
        return Report.of("katas", false, 7, java.util.Arrays.stream(slugs).map(s -> new KataReport(s,
                Catalogue.standard().get(s).topic(), s, Status.PASSED, 5, List.of(CheckReport.passed("works", CheckKind.ORACLE)))).toList());
    }

    static String json(Report r) {
        try {
            return ReportFiles.JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
