package katagym.web.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Tokens: upload tokens {@code kg_<id>_<secret>} (one member each) and admin tokens
 * {@code kga_<id>_<secret>}. Only a random salt and SHA-256(salt + secret) are stored; the id finds
 * the row, the hash is compared in constant time. Secrets are 256 random bits, so a fast hash is
 * enough (no dictionary to attack).
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;
    private final String table;
    private final String prefix;

    public Tokens(Database db) {
        this(db, "tokens", "kg");
    }

    private Tokens(Database db, String table, String prefix) {
        this.db = db;
        this.table = table;
        this.prefix = prefix;
    }

    /** Tokens that open the admin page: not tied to a member. */
    public static Tokens admin(Database db) {
        return new Tokens(db, "admin_tokens", "kga");
    }

    private boolean isAdmin() { return table.equals("admin_tokens"); }

    /** An admin token, in clear (only admin tokens have no member). */
    public String createAdmin() {
        if (!isAdmin()) throw new IllegalStateException("upload tokens belong to a member");
        return create(0);
    }

    /** Creates a token for the member and returns it in clear: the only time it is ever seen. */
    public synchronized String create(long memberId) {
        byte[] secret = new byte[32];
        byte[] salt = new byte[16];
        RANDOM.nextBytes(secret);
        RANDOM.nextBytes(salt);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String sql = isAdmin() ? "INSERT INTO admin_tokens(salt, hash, created_at) VALUES (?,?,?)"
                : "INSERT INTO tokens(salt, hash, created_at, member_id) VALUES (?,?,?,?)";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, HexFormat.of().formatHex(salt));
            ps.setString(2, hash(salt, secretText));
            ps.setString(3, Instant.now().toString());
            if (!isAdmin()) ps.setLong(4, memberId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return prefix + "_" + keys.getLong(1) + "_" + secretText;
            }
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
    }

    /** The member a valid, unrevoked token belongs to (0 for an admin token). */
    public Optional<Long> verify(String token) {
        return check(token).map(Verified::memberId);
    }

    /** A valid token: its row id (what a session remembers) and its member (0 for an admin token). */
    public record Verified(long tokenId, long memberId) {}

    /** As {@link #verify}, with the token's id. */
    public Optional<Verified> check(String token) {
        if (token == null) return Optional.empty();
        String[] parts = token.split("_", 3);
        if (parts.length != 3 || !parts[0].equals(prefix) || parts[2].isEmpty()) return Optional.empty();
        long id;
        try {
            id = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + (isAdmin() ? "0" : "member_id") + ", salt, hash FROM " + table
                     + " WHERE id = ? AND revoked_at IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                byte[] salt = HexFormat.of().parseHex(rs.getString(2));
                boolean ok = MessageDigest.isEqual(rs.getString(3).getBytes(StandardCharsets.US_ASCII),
                        hash(salt, parts[2]).getBytes(StandardCharsets.US_ASCII));
                return ok ? Optional.of(new Verified(id, rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
    }

    /** True while the token with this id exists and is not revoked: a session made with it checks this on every request. */
    public boolean isLive(long tokenId) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ? AND revoked_at IS NULL")) {
            ps.setLong(1, tokenId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
    }

    /** A token as the organiser lists it: id, when made, and when revoked (null while live). Never the secret. */
    public record Listed(long id, String createdAt, String revokedAt) {}

    /** Every token of this kind (admin tokens have member 0), oldest first. */
    public List<Listed> list() {
        if (!isAdmin()) throw new IllegalStateException("upload tokens are listed per member");
        List<Listed> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT id, created_at, revoked_at FROM admin_tokens ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new Listed(rs.getLong(1), rs.getString(2), rs.getString(3)));
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
        return out;
    }

    /**
     * Revokes admin tokens: {@code which} is a token in clear, its id (the number after {@code kga_}), or
     * {@code all}. Returns the ids revoked (empty when none was live). The sessions made with them end
     * at their next request.
     */
    public synchronized List<Long> revokeAdmin(String which) {
        if (!isAdmin()) throw new IllegalStateException("not an admin token store");
        List<Long> ids = new ArrayList<>();
        if (which.equals("all")) {
            for (Listed t : list()) if (t.revokedAt() == null) ids.add(t.id());
        } else if (which.matches("[0-9]{1,18}")) {
            ids.add(Long.parseLong(which));
        } else {
            check(which).ifPresent(v -> ids.add(v.tokenId()));
        }
        List<Long> revoked = new ArrayList<>();
        for (long id : ids) if (revokeId(id)) revoked.add(id);
        return revoked;
    }

    private boolean revokeId(long id) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            ps.setString(1, Instant.now().toString());
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
    }

    /** Revokes a token (by its clear text); returns false when it was unknown or already revoked. */
    public synchronized boolean revoke(String token) {
        Optional<Verified> valid = check(token);
        return valid.isPresent() && revokeId(valid.get().tokenId());
    }

    /** Revokes every live upload token of a member; returns how many. */
    public synchronized int revokeAll(long memberId) {
        if (isAdmin()) throw new IllegalStateException("admin tokens have no member");
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE tokens SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL")) {
            ps.setString(1, Instant.now().toString());
            ps.setLong(2, memberId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
    }

    static String hash(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
