package katagym.grader.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import katagym.grader.catalogue.Kata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Restores a kata's stub. The pristine stub is the newest version of the file in git history that
 * still throws NotImplementedYet, so a learner who committed a solution can still reset. The
 * current file is first copied to {@code .kata/backups/}.
 */
@Command(name = "reset", description = "Restore a kata's stub from git history; your version is kept in .kata/backups/.")
final class ResetCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Parameters(paramLabel = "SLUG", description = "The kata to reset.")
    String slug;

    @Override
    public Integer call() throws Exception {
        Workspace ws = cli.workspace();
        Kata k = ws.catalogue().get(slug);
        Path file = ws.stub(k);
        String pristine = pristine(ws.root(), k.stubPath());
        if (Files.exists(file)) {
            String current = Files.readString(file, StandardCharsets.UTF_8);
            if (current.equals(pristine)) {
                cli.out().println(k.stubPath() + " is already the original stub; nothing to do");
                return 0;
            }
            Path backup = ws.stateDir().resolve("backups").resolve(
                    k.baseName() + "Kata-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".java");
            Files.createDirectories(backup.getParent());
            Files.writeString(backup, current, StandardCharsets.UTF_8);
            cli.out().println("your version is saved as " + ws.root().relativize(backup));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, pristine, StandardCharsets.UTF_8);
        cli.out().println("restored the stub " + k.stubPath());
        // grade the restored stub, so the history (and list, next, progress, the dashboard) shows it pending
        var options = katagym.grader.run.GradeOptions.defaults();
        var r = new LocalGrader(ws, new StubCompiler()).grade(List.of(k), options, x -> { }).get(0);
        ws.reports().write(katagym.grader.report.Report.of("katas", false, options.seed(), List.of(r)));
        cli.out().println(k.slug() + " is " + r.status().id() + " again");
        return 0;
    }

    static String pristine(Path root, String path) throws IOException, InterruptedException {
        List<String> commits = git(root, "log", "--format=%H", "--", path).lines().toList();
        for (String c : commits) {
            String text;
            try {
                text = git(root, "show", c + ":" + path);
            } catch (IllegalStateException deletedThere) {
                continue;
            }
            if (text.contains("throw new NotImplementedYet")) return text;
        }
        throw new IllegalStateException("no version of " + path + " in git history still throws NotImplementedYet");
    }

    private static String git(Path root, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + new String(err, StandardCharsets.UTF_8).trim());
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
