package katagym.web;

import java.util.concurrent.Callable;
import katagym.web.store.Database;
import katagym.web.store.GroupStore;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./kata group ...}: an organiser's commands, run against the dashboard's database. */
@Command(name = "group", description = "Manage study groups: create, add-member (prints a one-time upload token), revoke, visibility, list, admin-token.",
        subcommands = {GroupCommand.Create.class, GroupCommand.AddMember.class, GroupCommand.Revoke.class,
                GroupCommand.Visibility.class, GroupCommand.ListGroups.class, GroupCommand.AdminToken.class})
final class GroupCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("usage: ./kata group create|add-member|revoke|visibility|list|admin-token (--help for each)");
        return 0;
    }

    abstract static class OnDatabase implements Callable<Integer> {
        @Mixin WebMain.DbOptions db;

        @picocli.CommandLine.Option(names = "--create", description = "Create the database in ~/.kata-gym when there is none"
                + " (not needed with --data, $KATA_HOME or a PostgreSQL URL).")
        boolean create;

        abstract int run(Database database, ReportStore reports, GroupStore groups) throws Exception;

        @Override
        public Integer call() throws Exception {
            if (!create && !db.explicitOrExisting()) {
                System.err.println("error: no dashboard database at " + db.describe() + ". Name the dashboard's data with --data DIR"
                        + " or $KATA_HOME (or a PostgreSQL one with --db-url), or pass --create to make a new one there.");
                return 2;
            }
            System.err.println("database: " + db.describe());
            Database database = db.open();
            try {
                ReportStore reports = new ReportStore(database);
                return run(database, reports, new GroupStore(database, reports, new Tokens(database)));
            } finally {
                database.close();
            }
        }
    }

    @Command(name = "create", description = "Create a study group.")
    static final class Create extends OnDatabase {
        @Parameters(paramLabel = "GROUP") String group;

        @picocli.CommandLine.Option(names = "--private", description = "Only the group's members (signed in with their upload token) and the admin may read its pages.")
        boolean isPrivate;

        @Override
        int run(Database database, ReportStore reports, GroupStore groups) {
            if (!groups.create(group, isPrivate)) {
                System.err.println("group '" + group + "' exists already");
                return 1;
            }
            System.out.println("created " + (isPrivate ? "private " : "") + "group " + group + " · its page: /groups/" + group);
            return 0;
        }
    }

    @Command(name = "add-member", description = "Add a member to a group and print their upload token (shown once: store it as the CI secret KATA_TOKEN).")
    static final class AddMember extends OnDatabase {
        @Parameters(index = "0", paramLabel = "GROUP") String group;
        @Parameters(index = "1", paramLabel = "MEMBER") String member;

        @Override
        int run(Database database, ReportStore reports, GroupStore groups) {
            String token = groups.addMember(group, member);
            System.out.println("added " + member + " to " + group + ". Upload token (shown only now):");
            System.out.println(token);
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke every upload token of a group's member (their uploads are then refused with 401, their sign-ins end).")
    static final class Revoke extends OnDatabase {
        @Parameters(index = "0", paramLabel = "GROUP") String group;
        @Parameters(index = "1", paramLabel = "MEMBER") String member;

        @Override
        int run(Database database, ReportStore reports, GroupStore groups) {
            int n = groups.revokeMember(group, member);
            System.out.println("revoked " + n + " token(s) of " + member + " in " + group);
            return 0;
        }
    }

    @Command(name = "visibility", description = "Make a group private (its pages need a sign-in) or public.")
    static final class Visibility extends OnDatabase {
        @Parameters(index = "0", paramLabel = "GROUP") String group;
        @Parameters(index = "1", paramLabel = "private|public") String visibility;

        @Override
        int run(Database database, ReportStore reports, GroupStore groups) {
            if (!visibility.equals("private") && !visibility.equals("public")) {
                System.err.println("error: say private or public, not '" + visibility + "'");
                return 2;
            }
            if (!groups.setPrivate(group, visibility.equals("private"))) {
                System.err.println("error: no group '" + group + "'");
                return 1;
            }
            System.out.println("group " + group + " is now " + visibility);
            return 0;
        }
    }

    @Command(name = "list", description = "List groups and their members.")
    static final class ListGroups extends OnDatabase {
        @Override
        int run(Database database, ReportStore reports, GroupStore groups) {
            var all = groups.all();
            if (all.isEmpty()) System.out.println("no groups yet: ./kata group create NAME");
            for (var g : all) System.out.println(g.name() + ": " + String.join(", ", groups.members(g.name())));
            return 0;
        }
    }

    @Command(name = "admin-token", description = "Create a token for the admin page (/admin), shown once; or list or revoke admin tokens.")
    static final class AdminToken extends OnDatabase {
        @picocli.CommandLine.Option(names = "--revoke", paramLabel = "TOKEN|ID|all",
                description = "Revoke an admin token (given in clear, or its id: the number after kga_), or all of them;"
                        + " every admin session made with it ends at its next request.")
        String revoke;

        @picocli.CommandLine.Option(names = "--list", description = "List admin tokens: id, created, revoked (never the secret).")
        boolean list;

        @Override
        int run(Database database, ReportStore reports, GroupStore groups) {
            Tokens admin = Tokens.admin(database);
            if (list) {
                for (var t : admin.list()) {
                    System.out.println("kga_" + t.id() + "_…  created " + t.createdAt() + (t.revokedAt() == null ? "" : "  revoked " + t.revokedAt()));
                }
                return 0;
            }
            if (revoke != null) {
                var revoked = admin.revokeAdmin(revoke.trim());
                if (revoked.isEmpty()) {
                    System.err.println("error: no live admin token matches (give the token, its id, or all)");
                    return 1;
                }
                System.out.println("revoked admin token(s) " + String.join(", ", revoked.stream().map(id -> "kga_" + id).toList())
                        + "; their sessions end at their next request");
                return 0;
            }
            System.out.println(admin.createAdmin());
            return 0;
        }
    }
}
