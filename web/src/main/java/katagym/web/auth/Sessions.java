package katagym.web.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Server-side sessions: the cookie holds only a random id (256 bits); what it stands for (an admin
 * token, or a member's upload token for a private group) stays here, with the session's CSRF token.
 * A session ends at logout, after {@code idle} without a request, {@code absolute} after sign-in, or
 * when the token it was made with is revoked (checked on every request by {@link Access}). Kept in
 * memory: a restart signs everyone out, which is the safe direction.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Sessions need a valid token to exist, so this bound is only a backstop; the least recently used goes first. */
    static final int MAX_SESSIONS = 10_000;

    public enum Kind { ADMIN, MEMBER }

    /**
     * A signed-in browser: {@code tokenId} is the id of the admin or upload token it signed in with;
     * {@code memberId} and {@code groupId} are set for a member session (0 for an admin).
     */
    public record Session(String id, String csrf, Kind kind, long tokenId, long memberId, long groupId, Instant createdAt) {}

    private record Entry(Session session, Instant lastSeen) {}

    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final Map<String, Entry> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) { return size() > MAX_SESSIONS; }
    };

    public Sessions(Clock clock, Duration idle, Duration absolute) {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("a session's idle limit must be positive and no longer than its absolute limit");
        }
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    public Duration absolute() { return absolute; }

    /** A new session with its own CSRF token. */
    public synchronized Session open(Kind kind, long tokenId, long memberId, long groupId) {
        Instant now = clock.instant();
        Session s = new Session(randomId(), randomId(), kind, tokenId, memberId, groupId, now);
        sessions.put(s.id(), new Entry(s, now));
        return s;
    }

    /** The live session with this id (and its last use moved to now), or empty when unknown, ended or expired. */
    public synchronized Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Entry e = sessions.get(id);
        if (e == null) return Optional.empty();
        Instant now = clock.instant();
        if (now.isAfter(e.lastSeen().plus(idle)) || now.isAfter(e.session().createdAt().plus(absolute))) {
            sessions.remove(id);
            return Optional.empty();
        }
        sessions.put(id, new Entry(e.session(), now));
        return Optional.of(e.session());
    }

    /** Ends a session (logout). */
    public synchronized void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Ends every session signed in with this kind of token; returns how many. */
    public synchronized int closeAll(Kind kind, long tokenId) {
        int before = sessions.size();
        sessions.values().removeIf(e -> e.session().kind() == kind && e.session().tokenId() == tokenId);
        return before - sessions.size();
    }

    public synchronized int size() { return sessions.size(); }

    /** 256 random bits, URL-safe base64 (43 characters). */
    public static String randomId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Compares two secrets in constant time; false when either is missing. */
    public static boolean same(String a, String b) {
        if (a == null || b == null || a.isEmpty()) return false;
        return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
