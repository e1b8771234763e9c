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
    /** The most the server reads of one request: a backstop for bodies without Content-Length, and how much of a refused report it drains. */
    private static final long MAX_REQUEST_BYTES = 4L * ReportValidator.MAX_BYTES;

    private final Dashboard dashboard;
    private final ReportStore store;
    private final Tokens tokens;
    private final Tokens adminTokens;
    private final katagym.web.store.GroupStore groups;
    private final ReportValidator validator;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public WebApp(Dashboard dashboard, ReportStore store, Tokens tokens, Tokens adminTokens,
                  katagym.web.store.GroupStore groups, ReportValidator validator) {
        this.dashboard = dashboard;
        this.store = store;
        this.tokens = tokens;
        this.adminTokens = adminTokens;
        this.groups = groups;
        this.validator = validator;
    }

    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
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

            config.routes.get("/groups/{name}", ctx -> dashboard.group(groups, ctx.pathParam("name"))
                    .ifPresentOrElse(view -> page(ctx, "group.jte", view),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no group '" + ctx.pathParam("name") + "'")));

            config.routes.get("/admin", ctx -> admin(ctx, null, null));
            config.routes.post("/admin/login", this::login);
            config.routes.post("/admin/logout", ctx -> {
                ctx.removeCookie(ADMIN_COOKIE, "/admin");
                ctx.redirect("/admin");
            });
            config.routes.post("/admin/groups", ctx -> asAdmin(ctx, () -> {
                String name = ctx.formParam("name");
                admin(ctx, groups.create(name) ? "created group " + name : "group " + name + " exists already", null);
            }));
            config.routes.post("/admin/members", ctx -> asAdmin(ctx, () -> {
                String token = groups.addMember(ctx.formParam("group"), ctx.formParam("member"));
                admin(ctx, "added " + ctx.formParam("member") + " to " + ctx.formParam("group"), token);
            }));
            config.routes.post("/admin/revoke", ctx -> asAdmin(ctx, () ->
                    admin(ctx, "revoked " + groups.revokeMember(ctx.formParam("member")) + " token(s) of " + ctx.formParam("member"), null)));

            config.routes.get("/api/progress", ctx -> ctx.json(dashboard.progressJson(member(ctx), memberId(ctx))));
            config.routes.get("/api/katas/{slug}", ctx -> dashboard.kataJson(member(ctx), memberId(ctx), ctx.pathParam("slug"))
                    .ifPresentOrElse(ctx::json, () -> error(ctx, 404, "no kata '" + ctx.pathParam("slug") + "'")));
            config.routes.post("/api/reports", this::upload);
            config.routes.get("/health", ctx -> ctx.result("ok"));

            config.routes.exception(BadReport.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.error(413, "*", ctx -> error(ctx, 413, "report too large: the limit is " + ReportValidator.MAX_BYTES + " bytes"));
            config.routes.exception(UnknownMember.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
                if (ctx.path().startsWith("/admin") && isAdmin(ctx)) admin(ctx, e.getMessage(), null);
                else error(ctx, 400, e.getMessage());
            });
        });
    }

    /** The most visited page, rendered once per member, their store version and the day: an upload evicts only its member's. */
    private final katagym.web.pages.PageCache overviews = new katagym.web.pages.PageCache(1024);

    private void overview(Context ctx) {
        String member = member(ctx);
        long memberId = memberId(ctx);
        ctx.html(overviews.get(member, dashboard.memberStamp(memberId), () -> render("overview.jte", dashboard.overview(member, memberId))));
    }

    static final String ADMIN_COOKIE = "kata_admin";

    private boolean isAdmin(Context ctx) {
        return adminTokens.verify(ctx.cookie(ADMIN_COOKIE)).isPresent();
    }

    /** The admin page, or the login form without a valid admin cookie. */
    private void admin(Context ctx, String message, String newToken) {
        if (!isAdmin(ctx)) {
            ctx.status(ctx.method().name().equals("GET") ? 200 : 401);
            page(ctx, "login.jte", message);
            return;
        }
        java.util.Map<String, java.util.List<String>> members = new java.util.LinkedHashMap<>();
        var all = groups.all();
        for (var g : all) members.put(g.name(), groups.members(g.name()));
        ctx.header("Cache-Control", "no-store");
        page(ctx, "admin.jte", new katagym.web.pages.Views.Admin(all, members, message, newToken));
    }

    private void asAdmin(Context ctx, Runnable action) {
        if (!isAdmin(ctx)) {
            ctx.status(401);
            page(ctx, "login.jte", "log in with an admin token first");
            return;
        }
        action.run();
    }

    /** Exchanges an admin token for an HttpOnly, SameSite=Strict cookie scoped to /admin. */
    private void login(Context ctx) {
        String token = ctx.formParam("token");
        if (adminTokens.verify(token == null ? null : token.trim()).isEmpty()) {
            ctx.status(401);
            page(ctx, "login.jte", "that admin token is not valid");
            return;
        }
        ctx.cookie(new io.javalin.http.Cookie(ADMIN_COOKIE, token.trim(), "/admin", 8 * 3600, false, true, null,
                io.javalin.http.SameSite.STRICT));
        ctx.redirect("/admin");
    }

    /** {@code POST /api/reports}: bearer token required; stores the report for the token's member. */
    private void upload(Context ctx) {
        String auth = ctx.header("Authorization");
        Optional<Long> member = auth != null && auth.startsWith("Bearer ") ? tokens.verify(auth.substring(7).trim()) : Optional.empty();
        if (member.isEmpty()) {
            discardBody(ctx);
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, 401, auth == null ? "missing Authorization: Bearer <token>" : "invalid or revoked token");
            return;
        }
        long declared = ctx.contentLength();
        if (declared > ReportValidator.MAX_BYTES) {
            discardBody(ctx);
            throw new BadReport(413, "report too large: " + declared + " bytes, the limit is " + ReportValidator.MAX_BYTES);
        }
        byte[] body = ctx.bodyAsBytes();
        Report report = validator.validate(body);
        ReportStore.Outcome outcome = store.store(member.get(), report);
        ctx.status(outcome == ReportStore.Outcome.STORED ? 201 : 200)
                .json(Map.of("runId", report.runId(), "stored", outcome == ReportStore.Outcome.STORED,
                        "duplicate", outcome == ReportStore.Outcome.DUPLICATE));
    }

    /**
     * Reads and drops the request body, up to {@link #MAX_REQUEST_BYTES}. Answering before the client
     * has sent its body makes the server close a connection with unread data, and the client's kernel
     * may then see a reset and drop the answer (a 401 or 413) before reading it: about 1 upload in 10 here.
     */
    private static void discardBody(Context ctx) {
        try (var in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = MAX_REQUEST_BYTES;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) left -= n;
        } catch (java.io.IOException ignored) {
            // the client went away; there is no one left to answer
        }
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
