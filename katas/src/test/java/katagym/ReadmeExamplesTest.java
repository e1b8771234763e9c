package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katagym.grader.cli.KataCli;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README is the user's manual: its example output is what the commands print, and its command table lists every command. */
class ReadmeExamplesTest {
    /** Commands the launcher hands to the dashboard's main class rather than to {@link KataCli}. */
    private static final Set<String> DASHBOARD_COMMANDS = Set.of("serve", "group", "web-bench");

    @TempDir Path root;
    LearnerRepo repo;
    String readme;

    @BeforeEach
    void readTheReadme() throws Exception {
        readme = Files.readString(ProjectRoot.find().resolve("README.md"), StandardCharsets.UTF_8);
        repo = LearnerRepo.create(root);
    }

    /** The first fenced block after {@code marker}, without its fences. */
    private String blockAfter(String marker) {
        int at = readme.indexOf(marker);
        assertThat(at).as("README has '%s'", marker).isNotNegative();
        int open = readme.indexOf("```\n", at) + 4;
        return readme.substring(open, readme.indexOf("```\n", open));
    }

    /** Durations vary from run to run; everything else must match to the character. */
    private static String withoutDurations(String text) {
        return text.replaceAll("\\d+ ms\\)", "N ms)");
    }

    @Test
    void theFailureExampleIsWhatGradePrintsForTheTextbookSigmoid() throws Exception {
        String documented = blockAfter("Real output of `./kata grade sigmoid` for the textbook");
        Matcher seed = Pattern.compile("--seed (\\d+)").matcher(documented);
        assertThat(seed.find()).as("the example shows its replay seed").isTrue();
        // the textbook exp(x) / (1 + exp(x)), for every x
        repo.write(repo.stub("activations", "Sigmoid"), LearnerRepo.SOLVED_SIGMOID.replace("x[i] >= 0 ? 1 / (1 + Math.exp(-x[i])) : ", ""));
        LearnerRepo.Run run = repo.kata("grade", "sigmoid", "--seed", seed.group(1));
        assertThat(run.exit()).isEqualTo(1);
        List<String> printed = new ArrayList<>(run.out().lines().toList());
        int first = printed.indexOf(printed.stream().filter(l -> l.startsWith("  ✗ sigmoid")).findFirst().orElseThrow());
        String verdictBlock = String.join("\n", printed.subList(first, first + documented.strip().split("\n").length)) + "\n";
        assertThat(withoutDurations(verdictBlock)).isEqualTo(withoutDurations(documented));
    }

    @Test
    void theCommandTableListsEveryCommandAndNoOther() {
        Set<String> commands = new TreeSet<>(new CommandLine(new KataCli()).getSubcommands().keySet());
        commands.remove("help");
        commands.addAll(DASHBOARD_COMMANDS);
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `\\./kata ([a-z-]+)").matcher(readme.substring(readme.indexOf("## The kata command")));
        while (row.find()) documented.add(row.group(1));
        assertThat(documented).isEqualTo(commands);
    }

    @Test
    void theDrillExampleIsWhatDrillPrintsForTheAnswersItTypes() throws Exception {
        String documented = blockAfter("Concept drills are those");
        String session = documented.substring(0, documented.indexOf("\n$ ./kata drill --due"));
        Matcher command = Pattern.compile("^\\$ printf '([^']*)' \\| \\./kata (drill [^\n]*)\n").matcher(session);
        assertThat(command.find()).as("the example starts with the command it ran").isTrue();
        java.io.InputStream saved = System.in;
        System.setIn(new java.io.ByteArrayInputStream(command.group(1).replace("\\n", "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            java.time.Clock day = java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T09:00:00Z"), java.time.ZoneOffset.UTC);
            LearnerRepo.Run run = repo.kata(day, command.group(2).split(" "));
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo(session.substring(command.end()) + "\n");
            String due = documented.substring(documented.indexOf("$ ./kata drill --due\n") + "$ ./kata drill --due\n".length());
            assertThat(repo.kata(day, "drill", "--due").out()).isEqualTo(due);
        } finally {
            System.setIn(saved);
        }
    }
}
