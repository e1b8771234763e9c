package katagym.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import katagym.grader.report.Report;
import katagym.web.auth.Access;
import katagym.web.auth.Sessions;
import katagym.web.ingest.BadReport;
import katagym.web.ingest.ReportValidator;
import katagym.web.ingest.UploadRate;
import katagym.web.pages.Dashboard;
import katagym.web.store.GroupStore;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;

/**
 * The dashboard's HTTP surface. Every route is declared in {@link #create}: pages, the JSON API,
 * static assets and WebJars (MathJax, Chart.js), all served by the app itself: no CDN.
 */
public final class WebApp {
    public static final String LOCAL_MEMBER = ReportStore.LOCAL_MEMBER;
    /** The most the server reads of one request: a backstop for bodies without Content-Length, and how much of a refused report it drains. */
    private static final long MAX_REQUEST_BYTES = 4L * ReportValidator.MAX_BYTES;

    private final Dashboard dashboard;
    private final ReportStore store;
    private final Tokens tokens;
    private final Tokens adminTokens;
    private final katagym.web.store.GroupStore groups;
    private final ReportValidator validator;
    /** The concept-drill pages: the local learner's .kata/drills.jsonl, timed by the system clock unless a test sets one. */
    private katagym.web.pages.DrillPages drills;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Options options;
    private final Access access;
    private final UploadRate uploadRate;

    /**
     * What an organiser may tune ({@code ./kata serve} options): whether a TLS-ending proxy is in front,
     * how long admin and member sessions last, and each member's upload rate and storage quota.
     */
    public record Options(boolean behindTlsProxy, Duration sessionIdle, Duration sessionAbsolute,
                          int uploadBurst, int uploadsPerHour, int maxRunsPerMember, Clock clock) {
        public static final int SESSION_IDLE_MINUTES = 30;
        public static final int SESSION_MAX_HOURS = 8;
        /** Enough for a CI job that uploads on each push (and a few retries); not enough to flood. */
        public static final int UPLOAD_BURST = 10;
        public static final int UPLOADS_PER_HOUR = 60;
        /** Years of a CI job that uploads on each push. */
        public static final int MAX_RUNS_PER_MEMBER = 2000;

        /** 30 min idle and 8 h in all per session; 10 uploads at once then 60 an hour per member; 2000 stored runs per member. */
        public static final Options DEFAULTS = new Options(false, Duration.ofMinutes(SESSION_IDLE_MINUTES), Duration.ofHours(SESSION_MAX_HOURS),
                UPLOAD_BURST, UPLOADS_PER_HOUR, MAX_RUNS_PER_MEMBER, Clock.systemUTC());

        public Options {
            if (maxRunsPerMember < 1) throw new IllegalArgumentException("the stored-runs quota must be at least 1");
            if (uploadBurst < 1 || uploadsPerHour < 1) throw new IllegalArgumentException("the upload burst and hourly rate must be at least 1");
            if (sessionIdle.isNegative() || sessionIdle.isZero() || sessionAbsolute.compareTo(sessionIdle) < 0) {
                throw new IllegalArgumentException("a session's idle limit must be positive and no longer than its absolute limit");
            }
        }

        public Options behindTlsProxy(boolean on) {
            return new Options(on, sessionIdle, sessionAbsolute, uploadBurst, uploadsPerHour, maxRunsPerMember, clock);
        }

        public Options sessions(Duration idle, Duration absolute) {
            return new Options(behindTlsProxy, idle, absolute, uploadBurst, uploadsPerHour, maxRunsPerMember, clock);
        }

        public Options uploads(int burst, int perHour, int maxRuns) {
            return new Options(behindTlsProxy, sessionIdle, sessionAbsolute, burst, perHour, maxRuns, clock);
        }

        public Options clock(Clock c) {
            return new Options(behindTlsProxy, sessionIdle, sessionAbsolute, uploadBurst, uploadsPerHour, maxRunsPerMember, c);
        }
    }

    public WebApp(Dashboard dashboard, ReportStore store, Tokens tokens, Tokens adminTokens,
                  katagym.web.store.GroupStore groups, ReportValidator validator) {
        this(dashboard, store, tokens, adminTokens, groups, validator, Options.DEFAULTS);
    }

    public WebApp(Dashboard dashboard, ReportStore store, Tokens tokens, Tokens adminTokens,
                  katagym.web.store.GroupStore groups, ReportValidator validator, Options options) {
        this.dashboard = dashboard;
        this.store = store;
        this.tokens = tokens;
        this.adminTokens = adminTokens;
        this.groups = groups;
        this.validator = validator;
        this.options = options;
        this.access = new Access(new Sessions(options.clock(), options.sessionIdle(), options.sessionAbsolute()), tokens, adminTokens,
                options.behindTlsProxy());
        this.uploadRate = new UploadRate(options.clock(), options.uploadBurst(), options.uploadsPerHour());
        this.drills = new katagym.web.pages.DrillPages(dashboard.root(), dashboard.catalogue(), options.clock());
    }

    /** The same app with drill answers timed by {@code clock} (tests move time). */
    WebApp withDrillClock(java.time.Clock clock) {
        this.drills = new katagym.web.pages.DrillPages(dashboard.root(), dashboard.catalogue(), clock);
        return this;
    }

    /** Sessions, CSRF tokens and who may read which group: for routes and pages added later. */
    public Access access() { return access; }

    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            // A client that sends its body slowly is cut off rather than holding a thread:
            // below MIN_REQUEST_DATA_RATE bytes/s on average, or silent for BODY_IDLE_TIMEOUT.
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(BODY_IDLE_TIMEOUT.toMillis()));
            config.jetty.modifyServletContextHandler(context -> context.insertHandler(
                    new org.eclipse.jetty.server.handler.MinimumDataRateHandler(MIN_REQUEST_DATA_RATE, 0)));
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

            // every state-changing request (but the bearer API) must be same-origin and carry its CSRF token
            config.routes.before(access::guard);

            config.routes.get("/", this::overview);
            config.routes.get("/katas", ctx -> page(ctx, "catalogue.jte",
                    dashboard.catalogue(member(ctx), memberId(ctx), ctx.queryParam("topic"), ctx.queryParam("status"))));
            config.routes.get("/katas/{slug}", ctx -> dashboard.kata(member(ctx), memberId(ctx), ctx.pathParam("slug"))
                    .ifPresentOrElse(view -> page(ctx, "kata.jte", view.local() ? view.withCsrfToken(access.csrfToken(ctx)) : view.withMemberQuery(memberQuery(ctx))),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no kata '" + ctx.pathParam("slug") + "'")));

            config.routes.get("/interviews", ctx -> page(ctx, "practice/interviews.jte", dashboard.interviews()));
            config.routes.get("/interviews/{id}", ctx -> dashboard.interview(ctx.pathParam("id"))
                    .ifPresentOrElse(view -> page(ctx, "practice/interview.jte", view),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no interview '" + ctx.pathParam("id") + "'")));

            config.routes.get("/topics/{name}", ctx -> dashboard.topicPage(ctx.pathParam("name"))
                    .ifPresentOrElse(view -> page(ctx, "topic.jte", view),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no topic page '" + ctx.pathParam("name") + "'")));

            config.routes.get("/drills", ctx -> page(ctx, "drills.jte", drills.overview()));
            config.routes.get("/drills/{topic}", ctx -> drills.next(ctx.pathParam("topic"), ctx.queryParam("after"), csrf(ctx))
                    .ifPresentOrElse(view -> page(ctx, "drill.jte", view),
                            () -> ctx.status(HttpStatus.NOT_FOUND).result("no drills for '" + ctx.pathParam("topic") + "'")));
            config.routes.post("/drills/{topic}", this::answerDrill);

            config.routes.post("/katas/{slug}/hints", this::revealHint);

            // the list names a group's members only to those who may read the group
            config.routes.get("/groups", ctx -> page(ctx, "groups.jte", dashboard.groupList(groups, g -> access.canRead(ctx, g))));
            config.routes.get("/groups/{name}", ctx -> {
                var group = groups.find(ctx.pathParam("name"));
                if (group.isEmpty()) {
                    ctx.status(HttpStatus.NOT_FOUND).result("no group '" + ctx.pathParam("name") + "'");
                } else if (!access.canRead(ctx, group.get())) {
                    groupSignIn(ctx.status(401), group.get(), null);
                } else {
                    ctx.header("Cache-Control", group.get().isPrivate() ? "no-store" : "no-cache");
                    // a signed-in reader gets a Sign out button (and so the session's CSRF token)
                    String signOut = access.session(ctx).isPresent() ? access.csrfToken(ctx) : null;
                    dashboard.group(groups, group.get().name()).ifPresent(view -> {
                        Map<String, Object> params = new java.util.HashMap<>();
                        params.put("view", view);
                        if (signOut != null) params.put("signOutCsrf", signOut);
                        ctx.html(renderWith("group.jte", params));
                    });
                }
            });
            config.routes.post("/groups/{name}/sign-in", this::memberSignIn);
            config.routes.post("/sign-out", ctx -> {
                access.signOut(ctx);
                ctx.redirect("/");
            });

            config.routes.before("/admin/*", ctx -> {
                // the admin forms post application/x-www-form-urlencoded; nothing else is parsed
                if (ctx.method().name().equals("POST") && !FORM.equals(mediaType(ctx))) {
                    throw new io.javalin.http.HttpResponseException(415, "the admin forms take " + FORM);
                }
            });
            config.routes.get("/admin", ctx -> admin(ctx, null, null));
            config.routes.post("/admin/login", this::login);
            config.routes.post("/admin/logout", ctx -> {
                access.signOut(ctx);
                ctx.redirect("/admin");
            });
            config.routes.post("/admin/groups", ctx -> asAdmin(ctx, () -> {
                String name = ctx.formParam("name");
                boolean isPrivate = "on".equals(ctx.formParam("private"));
                if (groups.create(name, isPrivate)) admin(ctx, "created " + (isPrivate ? "private " : "") + "group " + name, null);
                else admin(ctx.status(409), "group " + name + " exists already", null);
            }));
            config.routes.post("/admin/members", ctx -> asAdmin(ctx, () -> {
                String token = groups.addMember(ctx.formParam("group"), ctx.formParam("member"));
                admin(ctx, "added " + ctx.formParam("member") + " to " + ctx.formParam("group"), token);
            }));
            config.routes.post("/admin/visibility", ctx -> asAdmin(ctx, () -> {
                String group = ctx.formParam("group");
                String visibility = ctx.formParam("visibility");
                if (!"private".equals(visibility) && !"public".equals(visibility)) {
                    admin(ctx.status(400), "visibility is private or public", null);
                } else if (!groups.setPrivate(group, visibility.equals("private"))) {
                    admin(ctx.status(400), "no group '" + (group == null ? "" : group) + "'", null);
                } else {
                    admin(ctx, "group " + group + " is now " + visibility, null);
                }
            }));
            config.routes.post("/admin/revoke", ctx -> asAdmin(ctx, () ->
                    admin(ctx, "revoked " + groups.revokeMember(ctx.formParam("group"), ctx.formParam("member")) + " token(s) of "
                            + ctx.formParam("member") + " in " + ctx.formParam("group"), null)));

            config.routes.get("/api/progress", ctx -> ctx.json(dashboard.progressJson(member(ctx), memberId(ctx))));
            config.routes.get("/api/katas/{slug}", ctx -> dashboard.kataJson(member(ctx), memberId(ctx), ctx.pathParam("slug"))
                    .ifPresentOrElse(ctx::json, () -> error(ctx, 404, "no kata '" + ctx.pathParam("slug") + "'")));
            config.routes.post("/api/reports", this::upload);
            config.routes.get("/health", ctx -> ctx.result("ok"));

            config.routes.exception(BadReport.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.error(413, "*", ctx -> error(ctx, 413, "report too large: the limit is " + ReportValidator.MAX_BYTES + " bytes"));
            config.routes.exception(jakarta.servlet.ServletException.class, (e, ctx) -> {
                // a body Jetty could not parse (a broken form or multipart body): the client's fault
                if (e.getCause() instanceof org.eclipse.jetty.http.HttpException bad) error(ctx, bad.getCode(), bad.getReason());
                else error(ctx, 400, "the request could not be read");
            });
            config.routes.exception(UnknownMember.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
                if (ctx.path().startsWith("/admin") && access.isAdmin(ctx)) admin(ctx.status(400), e.getMessage(), null);
                else error(ctx, 400, e.getMessage());
            });
        });
    }

    /**
     * {@code POST /drills/{topic}}: a drill answered on the page. An unknown drill (or another topic's) is
     * 404, a missing or malformed field 400 with the form and its message; neither records anything.
     */
    private void answerDrill(Context ctx) {
        if (!FORM.equals(mediaType(ctx))) {
            ctx.status(415).result("the drill form takes " + FORM);
            return;
        }
        if (!fromLearnersMachine(ctx, "drill answers are recorded")) return;
        var form = ctx.formParamMap();
        String id = form.getOrDefault("id", java.util.List.of()).stream().findFirst().orElse(null);
        var drill = drills.find(ctx.pathParam("topic"), id);
        if (drill.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("no drill '" + (id == null ? "" : id.substring(0, Math.min(id.length(), 80)))
                    + "' in topic '" + ctx.pathParam("topic") + "'");
            return;
        }
        try {
            page(ctx, "drill.jte", drills.answer(drill.get(), form, csrf(ctx)));
        } catch (katagym.web.pages.DrillPages.BadForm e) {
            page(ctx.status(400), "drill.jte", drills.refused(drill.get(), form, csrf(ctx), e.getMessage()));
        }
    }

    /** The CSRF token this request's forms carry ({@link Access#guard} checks it on the post). */
    private String csrf(Context ctx) {
        return access.csrfToken(ctx);
    }

    /** Sent with every response: no framing, no sniffing, scripts and styles from this server only. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                    + " font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on this site's own
            // form posts, and the CSRF check needs the real origin; other sites still get no referrer
            "Referrer-Policy", "same-origin");

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
        ctx.html(overviews.get(String.valueOf(memberId), dashboard.overviewStamp(member, memberId),
                () -> render("overview.jte", dashboard.overview(member, memberId).withMemberQuery(memberQuery(ctx)))));
    }

    /**
     * {@code POST /katas/{slug}/hints}: reveals the local learner's next hint in the store {@code ./kata hint}
     * shares ({@code .kata/hints.json}). A form post (no script) is sent back to the page; a script's
     * post ({@code Accept: application/json}) gets how many hints are shown. A member's drill-down has no
     * hints: the route takes no {@code member}.
     */
    private void revealHint(Context ctx) {
        String type = mediaType(ctx);
        if (type != null && !FORM.equals(type)) {
            discardBody(ctx);
            error(ctx, 415, "the hint form takes " + FORM);
            return;
        }
        if (ctx.queryParam("member") != null) {
            error(ctx, 400, "hints are revealed on your own kata page only, not on a member's");
            return;
        }
        if (!fromLearnersMachine(ctx, "hints are revealed")) return;
        String slug = ctx.pathParam("slug");
        var shown = dashboard.revealHint(slug);
        if (shown.isEmpty()) {
            error(ctx, 404, "no kata '" + slug + "'");
            return;
        }
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.json(Map.of("slug", slug, "shown", shown.get()[0], "total", shown.get()[1]));
        } else {
            ctx.redirect("/katas/" + slug + "#hints", HttpStatus.SEE_OTHER);
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    /** The request's media type, lower-cased and without parameters; null without a Content-Type. */
    private static String mediaType(Context ctx) {
        String type = ctx.header("Content-Type");
        return type == null ? null : type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the request comes from the machine the dashboard runs on; else answers 403. The hint and drill
     * stores are files in the learner's repository: a visitor of a dashboard served to the network
     * ({@code --host 0.0.0.0}) must not write them.
     */
    private boolean fromLearnersMachine(Context ctx, String what) {
        if (isLoopback(ctx.req().getRemoteAddr())) return true;
        error(ctx, 403, what + " from the learner's own machine only");
        return false;
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The admin page, or the login form without an admin session. */
    private void admin(Context ctx, String message, String newToken) {
        ctx.header("Cache-Control", "no-store");
        if (!access.isAdmin(ctx)) {
            ctx.status(ctx.method().name().equals("GET") ? 200 : 401);
            page(ctx, "login.jte", new katagym.web.pages.Views.Login(message, access.csrfToken(ctx)));
            return;
        }
        java.util.Map<String, java.util.List<String>> members = new java.util.LinkedHashMap<>();
        var all = groups.all();
        for (var g : all) members.put(g.name(), groups.members(g.name()));
        page(ctx, "admin.jte", new katagym.web.pages.Views.Admin(all, members, message, newToken, access.csrfToken(ctx)));
    }

    private void asAdmin(Context ctx, Runnable action) {
        if (!access.isAdmin(ctx)) {
            ctx.status(401);
            page(ctx, "login.jte", new katagym.web.pages.Views.Login("log in with an admin token first", access.csrfToken(ctx)));
            return;
        }
        action.run();
    }

    /** Exchanges an admin token for a new server-side session: the cookie holds the session's random id, never the token. */
    private void login(Context ctx) {
        String token = ctx.formParam("token");
        var valid = adminTokens.check(token == null ? null : token.trim());
        if (valid.isEmpty()) {
            ctx.status(401).header("Cache-Control", "no-store");
            page(ctx, "login.jte", new katagym.web.pages.Views.Login("that admin token is not valid", access.csrfToken(ctx)));
            return;
        }
        access.signIn(ctx, Sessions.Kind.ADMIN, valid.get().tokenId(), 0, 0);
        ctx.redirect("/admin");
    }

    /** A private group's sign-in form (the group's name only: nothing about its members). */
    private void groupSignIn(Context ctx, katagym.web.store.GroupStore.Group group, String message) {
        ctx.header("Cache-Control", "no-store");
        page(ctx, "group-sign-in.jte", new katagym.web.pages.Views.GroupSignIn(group.name(), message, access.csrfToken(ctx)));
    }

    /** A member of a private group signs in with their upload token: a session for that group, the token never in a cookie. */
    private void memberSignIn(Context ctx) {
        var group = groups.find(ctx.pathParam("name"));
        if (group.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("no group '" + ctx.pathParam("name") + "'");
            return;
        }
        String token = ctx.formParam("token");
        var valid = tokens.check(token == null ? null : token.trim())
                .filter(v -> groups.memberIds(group.get().name()).contains(v.memberId()));
        if (valid.isEmpty()) {
            groupSignIn(ctx.status(401), group.get(), "that is not the upload token of a member of " + group.get().name());
            return;
        }
        access.signIn(ctx, Sessions.Kind.MEMBER, valid.get().tokenId(), valid.get().memberId(), group.get().id());
        ctx.redirect("/groups/" + group.get().name());
    }

    private volatile long localMemberId = -1;

    private long localMemberId() {
        if (localMemberId < 0) localMemberId = store.ensureMember(LOCAL_MEMBER);
        return localMemberId;
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
        // the limits are for group members' tokens; the local learner's is the machine owner's own (a 0600 file)
        boolean limited = member.get() != localMemberId();
        var wait = limited ? uploadRate.take(member.get()) : Optional.<Duration>empty();
        if (wait.isPresent()) {
            discardBody(ctx);
            ctx.header("Retry-After", String.valueOf(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            throw new BadReport(429, "too many uploads: at most " + uploadRate.burst() + " at once and " + uploadRate.perHour()
                    + " an hour per member; try again in " + Math.max(1, (wait.get().toMillis() + 999) / 1000) + " s");
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
        int stored = limited ? store.runCount(member.get()) : 0;
        if (limited && stored >= options.maxRunsPerMember()) {
            // waiting does not help (no Retry-After): the organiser raises --max-runs-per-member or prunes
            discardBody(ctx);
            throw new BadReport(507, "storage quota reached: this member has " + stored + " stored runs and the quota is "
                    + options.maxRunsPerMember() + " (the server's --max-runs-per-member); nothing was stored");
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
        } catch (java.io.IOException | org.eclipse.jetty.http.HttpException.RuntimeException e) {
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
        } catch (java.io.IOException | org.eclipse.jetty.http.HttpException.RuntimeException ignored) {
            // the client went away or sends too slowly; the answer goes out all the same
        }
    }

    private static void error(Context ctx, int status, String reason) {
        ctx.status(status).json(Map.of("error", reason));
    }

    /** The member a page or API call is about, resolved once per request. */
    /** A member a page is about, and the query that names them again in the page's links ("" for the local learner). */
    private record MemberRef(String name, long id, String query) {
        static String query(String group, String member) {
            java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
            return (group == null ? "?" : "?group=" + java.net.URLEncoder.encode(group, utf8) + "&")
                    + "member=" + java.net.URLEncoder.encode(member, utf8);
        }
    }

    private String memberQuery(Context ctx) { return memberRef(ctx).query(); }

    private String member(Context ctx) { return memberRef(ctx).name(); }

    private long memberId(Context ctx) { return memberRef(ctx).id(); }

    /**
     * {@code ?group=G&member=NAME} names a member of group G; {@code ?member=NAME} alone, the one member
     * with that name (the local learner with neither). A member of a private group is found only by
     * who may read that group; everyone else gets the same 404 as for no such member.
     */
    private MemberRef memberRef(Context ctx) {
        MemberRef cached = ctx.attribute("katagym.member");
        if (cached != null) return cached;
        String name = ctx.queryParam("member");
        String group = ctx.queryParam("group");
        boolean noName = name == null || name.isBlank();
        MemberRef ref;
        if (noName && (group == null || group.isBlank())) {
            ref = new MemberRef(LOCAL_MEMBER, store.ensureMember(LOCAL_MEMBER), "");
        } else if (noName) {
            throw new UnknownMember("");
        } else if (group != null && !group.isBlank()) {
            var g = groups.find(group).filter(x -> access.canRead(ctx, x)).orElseThrow(() -> new UnknownMember(name));
            ref = new MemberRef(name, store.memberId(name, g.id()).orElseThrow(() -> new UnknownMember(name)), MemberRef.query(g.name(), name));
            if (g.isPrivate()) ctx.header("Cache-Control", "no-store"); // a private group's pages stay out of shared caches
        } else if (name.equals(LOCAL_MEMBER)) {
            ref = new MemberRef(LOCAL_MEMBER, store.ensureMember(LOCAL_MEMBER), "");
        } else {
            // among the members with that name this request may read, exactly one (else the group must be named)
            var readable = store.membersNamed(name).stream()
                    .filter(m -> m.groupId() == 0 || groups.find(m.groupId()).map(g -> access.canRead(ctx, g)).orElse(false)).toList();
            if (readable.size() != 1) throw new UnknownMember(name);
            long groupId = readable.get(0).groupId();
            ref = new MemberRef(name, readable.get(0).memberId(),
                    MemberRef.query(groupId == 0 ? null : groups.find(groupId).map(GroupStore.Group::name).orElse(null), name));
            if (groupId != 0 && groups.find(groupId).map(GroupStore.Group::isPrivate).orElse(false)) ctx.header("Cache-Control", "no-store");
        }
        ctx.attribute("katagym.member", ref);
        return ref;
    }

    private void page(Context ctx, String template, Object model) {
        ctx.html(render(template, model));
    }

    private String render(String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        return out.toString();
    }

    /** A template with named parameters (those with defaults may be left out). */
    private String renderWith(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        return out.toString();
    }

    static final class UnknownMember extends RuntimeException {
        UnknownMember(String name) {
            super("no member '" + name + "' (a group's member: ?group=GROUP&member=" + (name.isEmpty() ? "NAME" : name) + ")");
        }
    }
}
