package katagym.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import java.util.Optional;
import katagym.web.store.GroupStore;
import katagym.web.store.Tokens;

/**
 * Who a browser is (a server-side session behind the {@value #SESSION_COOKIE} cookie) and what it may
 * do: read a private group ({@link #canRead}), use the admin page ({@link #isAdmin}), and send a
 * state-changing request at all ({@link #guard}, run before every route).
 */
public final class Access {
    public static final String SESSION_COOKIE = "kata_session";
    /** Before sign-in there is no session: the login forms' CSRF token is this cookie's value (double submit). */
    public static final String CSRF_COOKIE = "kata_csrf";
    /** The form field every state-changing form carries: {@code <input type="hidden" name="csrf" value="...">}. */
    public static final String CSRF_FIELD = "csrf";
    private static final String SESSION_ATTRIBUTE = "katagym.session";

    private final Sessions sessions;
    private final Tokens tokens;
    private final Tokens adminTokens;
    private final boolean behindTlsProxy;

    /**
     * {@code behindTlsProxy}: the server runs behind a reverse proxy that ends TLS, and its
     * {@code X-Forwarded-Proto} header says whether the browser's request came over https. Off by
     * default: a client could send that header itself.
     */
    public Access(Sessions sessions, Tokens tokens, Tokens adminTokens, boolean behindTlsProxy) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.adminTokens = adminTokens;
        this.behindTlsProxy = behindTlsProxy;
    }

    public Sessions sessions() { return sessions; }

    /** The request's live session: known, not expired, and its token still unrevoked. */
    public Optional<Sessions.Session> session(Context ctx) {
        Optional<Sessions.Session> cached = ctx.attribute(SESSION_ATTRIBUTE);
        if (cached != null) return cached;
        Optional<Sessions.Session> s = sessions.find(ctx.cookie(SESSION_COOKIE)).filter(x -> {
            boolean live = (x.kind() == Sessions.Kind.ADMIN ? adminTokens : tokens).isLive(x.tokenId());
            if (!live) sessions.close(x.id()); // revoked (perhaps by ./kata group in another process)
            return live;
        });
        ctx.attribute(SESSION_ATTRIBUTE, s);
        return s;
    }

    public boolean isAdmin(Context ctx) {
        return session(ctx).filter(s -> s.kind() == Sessions.Kind.ADMIN).isPresent();
    }

    /**
     * May this request read the group's pages and API? A public group: anyone. A private one: an
     * admin, or a member of that group signed in with their upload token. The one check every page
     * that shows a group's members (its page, its members' pages, a list of groups) goes through.
     */
    public boolean canRead(Context ctx, GroupStore.Group group) {
        if (!group.isPrivate()) return true;
        return session(ctx).filter(s -> s.kind() == Sessions.Kind.ADMIN
                || (s.kind() == Sessions.Kind.MEMBER && s.groupId() == group.id())).isPresent();
    }

    /** The CSRF token for this request's forms: the session's, else the pre-sign-in cookie's (set now if missing). */
    public String csrfToken(Context ctx) {
        Optional<Sessions.Session> s = session(ctx);
        if (s.isPresent()) return s.get().csrf();
        String existing = ctx.attribute(CSRF_COOKIE);
        if (existing == null) existing = ctx.cookie(CSRF_COOKIE);
        if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) return existing;
        String fresh = Sessions.randomId();
        ctx.attribute(CSRF_COOKIE, fresh);
        ctx.cookie(cookie(ctx, CSRF_COOKIE, fresh, -1));
        return fresh;
    }

    /** Starts a new session (a new id, never the one the browser had: no fixation) and sets its cookie. */
    public Sessions.Session signIn(Context ctx, Sessions.Kind kind, long tokenId, long memberId, long groupId) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        Sessions.Session s = sessions.open(kind, tokenId, memberId, groupId);
        ctx.cookie(cookie(ctx, SESSION_COOKIE, s.id(), (int) sessions.absolute().toSeconds()));
        ctx.attribute(SESSION_ATTRIBUTE, Optional.of(s));
        return s;
    }

    /** Ends the session on the server (a replayed cookie is then worthless) and clears the cookie. */
    public void signOut(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "", 0));
        ctx.attribute(SESSION_ATTRIBUTE, Optional.empty());
    }

    /** HttpOnly, SameSite=Strict, the whole site, and Secure when the browser's request came over TLS. */
    private Cookie cookie(Context ctx, String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, secure(ctx), true, null, SameSite.STRICT);
    }

    /** Did the browser's request come over TLS: to this server, or (only with the option set) to the proxy in front of it. */
    public boolean secure(Context ctx) {
        if (ctx.req().isSecure()) return true;
        if (!behindTlsProxy) return false;
        String proto = ctx.header("X-Forwarded-Proto");
        return proto != null && proto.split(",")[0].trim().equalsIgnoreCase("https");
    }

    /** The bearer-token API: authenticated by its Authorization header, never by a cookie. */
    static boolean isBearerApi(Context ctx) {
        return ctx.method().name().equals("POST") && ctx.path().equals("/api/reports");
    }

    /**
     * The before-handler of every request: anything but GET, HEAD and OPTIONS (so every form, now or
     * added later) must come from this site's own pages: {@code Sec-Fetch-Site: same-origin} and an
     * {@code Origin} equal to the server's own (at least one present, none contradicting), and carry
     * the CSRF token of its session in the {@value #CSRF_FIELD} field. Else 403, before any handler
     * can store anything. The bearer-token upload API is exempt: no cookie authenticates it.
     */
    public void guard(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || isBearerApi(ctx)) return;
        String fetchSite = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        if ("null".equals(origin)) origin = null; // an opaque origin proves nothing either way
        if (fetchSite == null && origin == null) {
            throw new HttpResponseException(403, "refused: a form must be sent by a browser from this site (no Origin or Sec-Fetch-Site header)");
        }
        if (fetchSite != null && !fetchSite.trim().equalsIgnoreCase("same-origin")) {
            throw new HttpResponseException(403, "refused: a cross-site request (Sec-Fetch-Site: " + fetchSite.trim() + ")");
        }
        if (origin != null && !origin.trim().equalsIgnoreCase(ownOrigin(ctx))) {
            throw new HttpResponseException(403, "refused: a request from another origin");
        }
        String expected = session(ctx).map(Sessions.Session::csrf).orElse(ctx.cookie(CSRF_COOKIE));
        if (!Sessions.same(expected, ctx.formParam(CSRF_FIELD))) {
            throw new HttpResponseException(403, "refused: the form's CSRF token is missing or stale; reload the page and try again");
        }
    }

    /** scheme://host[:port] as the browser sees this server: the Host header, with https when {@link #secure}. */
    private String ownOrigin(Context ctx) {
        String host = ctx.header("Host");
        return (secure(ctx) ? "https" : "http") + "://" + (host == null ? "" : host.trim());
    }
}
