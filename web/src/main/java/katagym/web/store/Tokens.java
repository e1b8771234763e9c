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
import java.util.HexFormat;
import java.util.Optional;

/**
 * Upload tokens: {@code kg_<id>_<secret>}. Only a random salt and SHA-256(salt + secret) are stored;
 * the id finds the row, the hash is compared in constant time. Secrets are 256 random bits, so a
 * fast hash is enough (no dictionary to attack).
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    public Tokens(Database db) {
        this.db = db;
    }

    /** Creates a token for the member and returns it in clear: the only time it is ever seen. */
    public synchronized String create(long memberId) {
        byte[] secret = new byte[32];
        byte[] salt = new byte[16];
        RANDOM.nextBytes(secret);
        RANDOM.nextBytes(salt);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO tokens(member_id, salt, hash, created_at) VALUES (?,?,?,?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, memberId);
            ps.setString(2, HexFormat.of().formatHex(salt));
            ps.setString(3, hash(salt, secretText));
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return "kg_" + keys.getLong(1) + "_" + secretText;
            }
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
    }

    /** The member a valid, unrevoked token belongs to. */
    public Optional<Long> verify(String token) {
        if (token == null) return Optional.empty();
        String[] parts = token.split("_", 3);
        if (parts.length != 3 || !parts[0].equals("kg") || parts[2].isEmpty()) return Optional.empty();
        long id;
        try {
            id = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT member_id, salt, hash FROM tokens WHERE id = ? AND revoked_at IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                byte[] salt = HexFormat.of().parseHex(rs.getString(2));
                boolean ok = MessageDigest.isEqual(rs.getString(3).getBytes(StandardCharsets.US_ASCII),
                        hash(salt, parts[2]).getBytes(StandardCharsets.US_ASCII));
                return ok ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
    }

    /** Revokes a token (by its clear text); returns false when it was unknown or already revoked. */
    public synchronized boolean revoke(String token) {
        Optional<Long> member = verify(token);
        if (member.isEmpty()) return false;
        long id = Long.parseLong(token.split("_", 3)[1]);
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            ps.setString(1, Instant.now().toString());
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
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
