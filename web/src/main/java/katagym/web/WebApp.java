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
            // A client that sends its body slowly is cut off (408) rather than holding a thread:
            // below MIN_REQUEST_DATA_RATE bytes/s on average, or silent for BODY_IDLE_TIMEOUT.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setMinRequestDataRate(MIN_REQUEST_DATA_RATE);
                http.setIdleTimeout(BODY_IDLE_TIMEOUT.toMillis());
            });
            // Uploads get at most UPLOAD_THREADS threads; more wait, without a thread, for up to
            // UPLOAD_QUEUE_WAIT, then get 503: pages and /health always have threads left.
            config.jetty.modifyServletContextHandler(context -> context.insertHandler(uploadLimit()));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            // Security headers on every response: set by Jetty for each request before any handler
            // runs (pages, API, static files, Javalin's errors), and by the server's error handler
            // for requests Jetty refuses itself (a malformed request line 400, a URI too long 414).
            config.jetty.modifyHttpConfiguration(http -> http.addCustomizer((request, responseHeaders) -> {
                SECURITY_HEADERS.forEach(responseHeaders::put);
                return request;
            }));
            config.jetty.modifyServer(server -> server.setErrorHandler(new org.eclipse.jetty.server.handler.ErrorHandler() {
                @Override
                public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                      org.eclipse.jetty.util.Callback callback) throws Exception {
                    SECURITY_HEADERS.forEach(response.getHeaders()::put);
                    return super.handle(request, response, callback);
                }
            }));

            config.routes.get("/", this::overview);
            config.routes.get("/katas", ctx -> page(ctx, "catalogue.jte",
                    dashboard.catalogue(member(ctx), memberId(ctx), ctx.queryParam("topic"), ctx.queryParam("status"))));
            config.routes.get("/katas/{slug}", ctx -> dashboard.kata(member(ctx), memberId(ctx), ctx.pathParam("slug"))
                    .ifPresentOrElse(view -> page(ctx, "kata.jte", view),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no kata '" + ctx.pathParam("slug") + "'")));

            config.routes.get("/interviews", ctx -> page(ctx, "practice/interviews.jte", dashboard.interviews()));
            config.routes.get("/interviews/{id}", ctx -> dashboard.interview(ctx.pathParam("id"))
                    .ifPresentOrElse(view -> page(ctx, "practice/interview.jte", view),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no interview '" + ctx.pathParam("id") + "'")));

            config.routes.get("/topics/{name}", ctx -> dashboard.topicPage(ctx.pathParam("name"))
                    .ifPresentOrElse(view -> page(ctx, "topic.jte", view),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no topic page '" + ctx.pathParam("name") + "'")));

            config.routes.get("/groups/{name}", ctx -> dashboard.group(groups, ctx.pathParam("name"))
                    .ifPresentOrElse(view -> page(ctx, "group.jte", view),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no group '" + ctx.pathParam("name") + "'")));

            config.routes.before("/admin/*", ctx -> {
                // the admin forms post application/x-www-form-urlencoded; nothing else is parsed
                String type = ctx.header("Content-Type");
                if (ctx.method().name().equals("POST")
                        && (type == null || !type.split(";")[0].trim().equalsIgnoreCase("application/x-www-form-urlencoded"))) {
                    throw new io.javalin.http.HttpResponseException(415, "the admin forms take application/x-www-form-urlencoded");
                }
            });
            config.routes.get("/admin", ctx -> admin(ctx, null, null));
            config.routes.post("/admin/login", this::login);
            config.routes.post("/admin/logout", ctx -> {
                ctx.removeCookie(ADMIN_COOKIE, "/admin");
                ctx.redirect("/admin");
            });
            config.routes.post("/admin/groups", ctx -> asAdmin(ctx, () -> {
                String name = ctx.formParam("name");
                if (groups.create(name)) admin(ctx, "created group " + name, null);
                else admin(ctx.status(409), "group " + name + " exists already", null);
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
            config.routes.exception(jakarta.servlet.ServletException.class, (e, ctx) -> {
                // a body Jetty could not parse (a broken form or multipart body): the client's fault
                if (e.getCause() instanceof org.eclipse.jetty.http.BadMessageException bad) error(ctx, bad.getCode(), bad.getReason());
                else error(ctx, 400, "the request could not be read");
            });
            config.routes.exception(UnknownMember.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
                if (ctx.path().startsWith("/admin") && isAdmin(ctx)) admin(ctx.status(400), e.getMessage(), null);
                else error(ctx, 400, e.getMessage());
            });
        });
    }

    /** Sent with every response: no framing, no sniffing, scripts and styles from this server only. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                    + " font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    /** Bytes per second an upload must average: a full-catalogue report is about 100 KB. */
    static final long MIN_REQUEST_DATA_RATE = 1024;
    static final java.time.Duration BODY_IDLE_TIMEOUT = java.time.Duration.ofSeconds(5);
    static final int UPLOAD_THREADS = 16;
    static final java.time.Duration UPLOAD_QUEUE_WAIT = java.time.Duration.ofSeconds(10);

    private static org.eclipse.jetty.server.handler.QoSHandler uploadLimit() {
        var qos = new org.eclipse.jetty.server.handler.QoSHandler();
        qos.includeMethod("POST");
        qos.includePath("/api/reports");
        qos.setMaxRequestCount(UPLOAD_THREADS);
        qos.setMaxSuspendedRequestCount(1000);
        qos.setMaxSuspend(UPLOAD_QUEUE_WAIT);
        return qos;
    }

    /** The most visited page, rendered once per member, their store version and the day: an upload evicts only its member's. */
    private final katagym.web.pages.PageCache overviews = new katagym.web.pages.PageCache(1024);

    private void overview(Context ctx) {
        String member = member(ctx);
        long memberId = memberId(ctx);
        ctx.html(overviews.get(member, dashboard.overviewStamp(member, memberId), () -> render("overview.jte", dashboard.overview(member, memberId))));
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
        if (!isUtf8Json(ctx.header("Content-Type"))) {
            discardBody(ctx);
            throw new BadReport(415, "send the report with Content-Type: application/json (UTF-8), not "
                    + (ctx.header("Content-Type") == null ? "no Content-Type" : ctx.header("Content-Type")));
        }
        long declared = ctx.contentLength();
        if (declared > ReportValidator.MAX_BYTES) {
            discardBody(ctx);
            throw new BadReport(413, "report too large: " + declared + " bytes, the limit is " + ReportValidator.MAX_BYTES);
        }
        byte[] body = readBody(ctx);
        Report report = validator.validate(body);
        ReportStore.Outcome outcome = store.store(member.get(), report);
        ctx.status(outcome == ReportStore.Outcome.STORED ? 201 : 200)
                .json(Map.of("runId", report.runId(), "stored", outcome == ReportStore.Outcome.STORED,
                        "duplicate", outcome == ReportStore.Outcome.DUPLICATE));
    }

    /** {@code application/json}, with no charset or UTF-8 (JSON has no other encoding, RFC 8259). */
    static boolean isUtf8Json(String contentType) {
        if (contentType == null) return false;
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) return false;
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].trim().equalsIgnoreCase("charset")
                    && (param.length < 2 || !param[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) return false;
        }
        return true;
    }

    /**
     * The body, read as it streams in and refused (413) as soon as it passes the limit, with or
     * without a Content-Length: a chunked body is never buffered beyond {@link ReportValidator#MAX_BYTES}.
     */
    private static byte[] readBody(Context ctx) {
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes(ReportValidator.MAX_BYTES + 1);
        } catch (java.io.IOException | org.eclipse.jetty.http.BadMessageException e) {
            // too slow (Jetty's minimum data rate or idle timeout), or the client went away
            throw new BadReport(408, "the body did not arrive in time: " + e.getMessage());
        }
        if (body.length > ReportValidator.MAX_BYTES) {
            discardBody(ctx);
            throw new BadReport(413, "report too large: over " + ReportValidator.MAX_BYTES + " bytes, the limit is " + ReportValidator.MAX_BYTES);
        }
        return body;
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
        } catch (java.io.IOException | org.eclipse.jetty.http.BadMessageException ignored) {
            // the client went away or sends too slowly; the answer goes out all the same
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
