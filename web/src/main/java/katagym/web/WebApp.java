package katagym.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.Optional;
import katagym.grader.report.Report;
import katagym.web.ingest.BadReport;
import katagym.web.ingest.ReportValidator;
import katagym.web.pages.Dashboard;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;

/**
 * The dashboard's HTTP surface. Every route is declared in {@link #create}: pages, the JSON API,
 * static assets and WebJars (MathJax, Chart.js), all served by the app itself: no CDN.
 */
public final class WebApp {
    public static final String LOCAL_MEMBER = "local";

    private final Dashboard dashboard;
    private final ReportStore store;
    private final Tokens tokens;
    private final ReportValidator validator;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public WebApp(Dashboard dashboard, ReportStore store, Tokens tokens, ReportValidator validator) {
        this.dashboard = dashboard;
        this.store = store;
        this.tokens = tokens;
        this.validator = validator;
    }

    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 4L * ReportValidator.MAX_BYTES; // backstop for bodies without Content-Length
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:");
                ctx.header("X-Content-Type-Options", "nosniff");
            });

            config.routes.get("/", this::overview);
            config.routes.get("/katas", ctx -> page(ctx, "catalogue.jte",
                    dashboard.catalogue(member(ctx), memberId(ctx), ctx.queryParam("topic"), ctx.queryParam("status"))));
            config.routes.get("/katas/{slug}", ctx -> dashboard.kata(member(ctx), memberId(ctx), ctx.pathParam("slug"))
                    .ifPresentOrElse(view -> page(ctx, "kata.jte", view),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no kata '" + ctx.pathParam("slug") + "'")));

            config.routes.get("/api/progress", ctx -> ctx.json(dashboard.progressJson(member(ctx), memberId(ctx))));
            config.routes.get("/api/katas/{slug}", ctx -> dashboard.kataJson(member(ctx), memberId(ctx), ctx.pathParam("slug"))
                    .ifPresentOrElse(ctx::json, () -> error(ctx, 404, "no kata '" + ctx.pathParam("slug") + "'")));
            config.routes.post("/api/reports", this::upload);
            config.routes.get("/health", ctx -> ctx.result("ok"));

            config.routes.exception(BadReport.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.error(413, "*", ctx -> error(ctx, 413, "report too large: the limit is " + ReportValidator.MAX_BYTES + " bytes"));
            config.routes.exception(UnknownMember.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        });
    }

    /** The most visited page, rendered once per member and store version: nothing changed, nothing recomputed. */
    private final java.util.Map<String, CachedPage> overviews = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedPage(long version, java.time.LocalDate day, String html) {}

    private void overview(Context ctx) {
        String member = member(ctx);
        long memberId = memberId(ctx);
        long version = store.version();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC); // the streak changes at midnight
        CachedPage cached = overviews.get(member);
        if (cached == null || cached.version() != version || !cached.day().equals(today)) {
            cached = new CachedPage(version, today, render("overview.jte", dashboard.overview(member, memberId)));
            overviews.put(member, cached);
        }
        ctx.html(cached.html());
    }

    /** {@code POST /api/reports}: bearer token required; stores the report for the token's member. */
    private void upload(Context ctx) {
        String auth = ctx.header("Authorization");
        Optional<Long> member = auth != null && auth.startsWith("Bearer ") ? tokens.verify(auth.substring(7).trim()) : Optional.empty();
        if (member.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, 401, auth == null ? "missing Authorization: Bearer <token>" : "invalid or revoked token");
            return;
        }
        long declared = ctx.contentLength();
        if (declared > ReportValidator.MAX_BYTES) {
            throw new BadReport(413, "report too large: " + declared + " bytes, the limit is " + ReportValidator.MAX_BYTES);
        }
        byte[] body = ctx.bodyAsBytes();
        Report report = validator.validate(body);
        ReportStore.Outcome outcome = store.store(member.get(), report, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        ctx.status(outcome == ReportStore.Outcome.STORED ? 201 : 200)
                .json(Map.of("runId", report.runId(), "stored", outcome == ReportStore.Outcome.STORED,
                        "duplicate", outcome == ReportStore.Outcome.DUPLICATE));
    }

    private static void error(Context ctx, int status, String reason) {
        ctx.status(status).json(Map.of("error", reason));
    }

    private String member(Context ctx) {
        String m = ctx.queryParam("member");
        return m == null || m.isBlank() ? LOCAL_MEMBER : m;
    }

    private long memberId(Context ctx) {
        String name = member(ctx);
        if (name.equals(LOCAL_MEMBER)) return store.ensureMember(LOCAL_MEMBER);
        return store.memberId(name).orElseThrow(() -> new UnknownMember(name));
    }

    private void page(Context ctx, String template, Object model) {
        ctx.html(render(template, model));
    }

    private String render(String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        return out.toString();
    }

    static final class UnknownMember extends RuntimeException {
        UnknownMember(String name) { super("no member '" + name + "'"); }
    }
}
