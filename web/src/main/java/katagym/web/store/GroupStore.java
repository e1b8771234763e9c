package katagym.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Study groups and their members, and what the group page reads about them. */
public final class GroupStore {
    private final Database db;
    private final ReportStore reports;
    private final Tokens tokens;

    public GroupStore(Database db, ReportStore reports, Tokens tokens) {
        this.db = db;
        this.reports = reports;
        this.tokens = tokens;
    }

    /** A study group; a private one shows its pages only to its signed-in members and the admin. */
    public record Group(long id, String name, String createdAt, boolean isPrivate) {}

    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** Grows when a group is created or gains a member: what a group page's cache keys on, with its members' versions. */
    public long version() { return version.get(); }

    /** The ids of a group's members. */
    public List<Long> memberIds(String group) {
        List<Long> out = new ArrayList<>();
        reports.query("SELECT gm.member_id FROM group_members gm JOIN study_groups g ON g.id = gm.group_id WHERE g.name = ? ORDER BY gm.member_id",
                ps -> ps.setString(1, group), rs -> out.add(rs.getLong(1)));
        return out;
    }

    /** A member of a group: name, solved count, and when their last kata was solved (ISO instant, or null). */
    public record MemberProgress(String name, int solved, String lastSolvedAt) {}

    public record DayCount(String day, int runs) {}

    /** Creates a public group; false when the name is taken. */
    public boolean create(String name) {
        return create(name, false);
    }

    /** Creates a group, private or not; false when the name is taken. */
    public synchronized boolean create(String name, boolean isPrivate) {
        validName(name, "group");
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO study_groups(name, created_at, is_private) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING")) {
            ps.setString(1, name);
            ps.setString(2, Instant.now().toString());
            ps.setInt(3, isPrivate ? 1 : 0);
            boolean created = ps.executeUpdate() == 1;
            version.incrementAndGet();
            return created;
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
    }

    /** Makes a group private (pages need a sign-in) or public; false when there is no such group. */
    public synchronized boolean setPrivate(String name, boolean isPrivate) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("UPDATE study_groups SET is_private = ? WHERE name = ?")) {
            ps.setInt(1, isPrivate ? 1 : 0);
            ps.setString(2, name);
            boolean found = ps.executeUpdate() == 1;
            version.incrementAndGet();
            return found;
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
    }

    private static final String GROUP_COLUMNS = "SELECT id, name, created_at, is_private FROM study_groups";

    private static Group group(java.sql.ResultSet rs) throws SQLException {
        return new Group(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0);
    }

    public Optional<Group> find(String name) {
        List<Group> out = new ArrayList<>();
        reports.query(GROUP_COLUMNS + " WHERE name = ?", ps -> ps.setString(1, name), rs -> out.add(group(rs)));
        return out.stream().findFirst();
    }

    public Optional<Group> find(long id) {
        List<Group> out = new ArrayList<>();
        reports.query(GROUP_COLUMNS + " WHERE id = ?", ps -> ps.setLong(1, id), rs -> out.add(group(rs)));
        return out.stream().findFirst();
    }

    public List<Group> all() {
        List<Group> out = new ArrayList<>();
        reports.query(GROUP_COLUMNS + " ORDER BY name", ps -> { }, rs -> out.add(group(rs)));
        return out;
    }

    /**
     * Adds a member to a group (creating the member if new: a name is a member of one group, so alice of
     * A and alice of B are two) and returns a new upload token for them, in clear: the only time it is shown.
     * The local learner's name is reserved.
     */
    public synchronized String addMember(String group, String member) {
        validName(member, "member");
        reserved(member);
        Group g = find(group).orElseThrow(() -> new IllegalArgumentException("no group '" + group + "'"));
        long memberId = reports.ensureMember(member, g.id());
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO group_members(group_id, member_id, joined_at) VALUES (?,?,?) ON CONFLICT(group_id, member_id) DO NOTHING")) {
            ps.setLong(1, g.id());
            ps.setLong(2, memberId);
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
            version.incrementAndGet();
        } catch (SQLException e) {
            throw new ReportStore.StoreException(e);
        }
        return tokens.create(memberId);
    }

    /** The member of this group with this name. */
    public Optional<Long> memberId(String group, String member) {
        return find(group).flatMap(g -> reports.memberId(member, g.id()));
    }

    public List<String> members(String group) {
        List<String> out = new ArrayList<>();
        reports.query("SELECT m.name FROM members m JOIN group_members gm ON gm.member_id = m.id JOIN study_groups g ON g.id = gm.group_id"
                + " WHERE g.name = ? ORDER BY m.name", ps -> ps.setString(1, group), rs -> out.add(rs.getString(1)));
        return out;
    }

    /** member to (slug to status) for every member of the group. */
    public Map<String, Map<String, String>> statuses(String group) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String m : members(group)) out.put(m, new LinkedHashMap<>());
        reports.query("SELECT m.name, l.slug, l.status FROM latest l JOIN members m ON m.id = l.member_id"
                        + " JOIN group_members gm ON gm.member_id = m.id JOIN study_groups g ON g.id = gm.group_id WHERE g.name = ?",
                ps -> ps.setString(1, group), rs -> out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3)));
        return out;
    }

    /** Solved count per member, most first; ties go to whoever got there first (by the server's receive time). */
    public List<MemberProgress> leaderboard(String group) {
        Map<String, MemberProgress> out = new LinkedHashMap<>();
        for (String m : members(group)) out.put(m, new MemberProgress(m, 0, null));
        reports.query("SELECT m.name, COUNT(*), MAX(l.received_at) FROM latest l JOIN members m ON m.id = l.member_id"
                        + " JOIN group_members gm ON gm.member_id = m.id JOIN study_groups g ON g.id = gm.group_id"
                        + " WHERE g.name = ? AND l.status = 'passed' GROUP BY m.name",
                ps -> ps.setString(1, group), rs -> out.put(rs.getString(1), new MemberProgress(rs.getString(1), rs.getInt(2), rs.getString(3))));
        List<MemberProgress> list = new ArrayList<>(out.values());
        list.sort((a, b) -> a.solved() != b.solved() ? Integer.compare(b.solved(), a.solved())
                : a.lastSolvedAt() == null ? (b.lastSolvedAt() == null ? a.name().compareTo(b.name()) : 1)
                : b.lastSolvedAt() == null ? -1 : a.lastSolvedAt().compareTo(b.lastSolvedAt()));
        return list;
    }

    /** A group as the {@code /groups} list shows it: its member count and the last upload of any member (ISO instant, or null). */
    public record Summary(Group group, int memberCount, String lastActivity) {}

    public List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        reports.query("SELECT g.id, g.name, g.created_at, g.is_private, (SELECT COUNT(*) FROM group_members gm WHERE gm.group_id = g.id),"
                        + " (SELECT MAX(l.received_at) FROM latest l JOIN group_members gm ON gm.member_id = l.member_id WHERE gm.group_id = g.id)"
                        + " FROM study_groups g ORDER BY g.name", ps -> { },
                rs -> out.add(new Summary(group(rs), rs.getInt(5), rs.getString(6))));
        return out;
    }

    /** Runs received per day (UTC, the server's receive time) from the group's members, over the last {@code days} days. */
    public List<DayCount> activity(String group, int days) {
        String since = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(days - 1L).toString();
        List<DayCount> out = new ArrayList<>();
        reports.query("SELECT d.day, SUM(d.runs) FROM run_days d JOIN group_members gm ON gm.member_id = d.member_id"
                        + " JOIN study_groups g ON g.id = gm.group_id WHERE g.name = ? AND d.day >= ? GROUP BY d.day ORDER BY d.day",
                ps -> { ps.setString(1, group); ps.setString(2, since); }, rs -> out.add(new DayCount(rs.getString(1), rs.getInt(2))));
        return out;
    }

    /** Revokes every upload token of the group's member; returns how many were live. The local learner's name is reserved. */
    public int revokeMember(String group, String member) {
        reserved(member);
        find(group).orElseThrow(() -> new IllegalArgumentException("no group '" + group + "'"));
        long id = memberId(group, member).orElseThrow(() -> new IllegalArgumentException("no member '" + member + "' in group '" + group + "'"));
        return tokens.revokeAll(id);
    }

    /** The local learner ({@value ReportStore#LOCAL_MEMBER}) belongs to no group: no one adds or revokes them. */
    private static void reserved(String member) {
        if (ReportStore.LOCAL_MEMBER.equalsIgnoreCase(member)) {
            throw new IllegalArgumentException("'" + member + "' is reserved for the local learner: pick another member name");
        }
    }

    static void validName(String name, String what) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException(what + " names are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
