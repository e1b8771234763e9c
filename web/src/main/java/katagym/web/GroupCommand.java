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
@Command(name = "group", description = "Manage study groups: create, add-member (prints a one-time upload token), revoke, list, admin-token.",
        subcommands = {GroupCommand.Create.class, GroupCommand.AddMember.class, GroupCommand.Revoke.class,
                GroupCommand.ListGroups.class, GroupCommand.AdminToken.class})
final class GroupCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("usage: ./kata group create|add-member|revoke|list|admin-token (--help for each)");
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

        @Override
        int run(Database database, ReportStore reports, GroupStore groups) {
            if (!groups.create(group)) {
                System.err.println("group '" + group + "' exists already");
                return 1;
            }
            System.out.println("created group " + group + " · its page: /groups/" + group);
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

    @Command(name = "revoke", description = "Revoke every upload token of a member (their uploads are then refused with 401).")
    static final class Revoke extends OnDatabase {
        @Parameters(paramLabel = "MEMBER") String member;

        @Override
        int run(Database database, ReportStore reports, GroupStore groups) {
            int n = groups.revokeMember(member);
            System.out.println("revoked " + n + " token(s) of " + member);
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

    @Command(name = "admin-token", description = "Create a token for the admin page (/admin); shown once.")
    static final class AdminToken extends OnDatabase {
        @Override
        int run(Database database, ReportStore reports, GroupStore groups) {
            System.out.println(Tokens.admin(database).createAdmin());
            return 0;
        }
    }
}
