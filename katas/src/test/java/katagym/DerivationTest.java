package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.catalogue.Statement;
import katagym.grader.cli.KataCli;
import katagym.grader.run.ProjectRoot;
import katagym.grader.spec.CheckKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Derive, don't transcribe": a statement's "What to write" states the contract only; backward formulas
 * and stable rewrites live in its "## Derivation" section, which {@code ./kata show} hides unless asked
 * ({@code --derivation}) and {@code ./kata hint} reveals last.
 */
class DerivationTest {
    static final Path RESOURCES = ProjectRoot.find().resolve("katas/src/main/resources");
    @TempDir Path root;

    @BeforeEach
    void copyTheStatements() throws IOException {
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            for (Path p : all.toList()) {
                Path to = root.resolve("katas/src/main/resources").resolve(RESOURCES.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
    }

    record Run(int exit, String out) {}

    private Run kata(String... args) {
        PrintStream saved = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            String[] all = new String[args.length + 3];
            all[0] = "--root";
            all[1] = root.toString();
            all[2] = "--no-color";
            System.arraycopy(args, 0, all, 3, args.length);
            return new Run(KataCli.run(all), buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
            System.setErr(savedErr);
        }
    }

    /** LayerNorm's backward formula, as the statement writes it. */
    static final String LAYER_NORM_BACKWARD = "dx_{ri} = r_\\sigma";

    @Test
    void showHidesTheDerivationUnlessAsked() {
        Run plain = kata("show", "layer-norm");
        assertThat(plain.exit()).isZero();
        assertThat(plain.out()).contains("## What to write", "## Worked example", "## The theory an interviewer probes")
                .contains("./kata show layer-norm --derivation")
                .doesNotContain("## Derivation").doesNotContain(LAYER_NORM_BACKWARD).doesNotContain("d\\gamma_i =");
        Run full = kata("show", "layer-norm", "--derivation");
        assertThat(full.exit()).isZero();
        assertThat(full.out()).contains("## Derivation").contains(LAYER_NORM_BACKWARD);
        assertThat(full.out().indexOf("## Worked example")).isLessThan(full.out().indexOf("## Derivation"));
        assertThat(full.out().indexOf("## Derivation")).isLessThan(full.out().indexOf("## The theory an interviewer probes"));
    }

    @Test
    void theLastHintRevealsTheDerivation() {
        Kata k = Catalogue.standard().get("layer-norm");
        int total = k.hints().size() + 1;
        for (int i = 1; i < total; i++) {
            Run r = kata("hint", "layer-norm");
            assertThat(r.out()).contains("Hint " + i + "/" + total + ": ").doesNotContain(LAYER_NORM_BACKWARD);
        }
        Run last = kata("hint", "layer-norm");
        assertThat(last.out()).contains("Hint " + total + "/" + total + ": the derivation").contains(LAYER_NORM_BACKWARD);
        assertThat(last.out().indexOf("Hint " + k.hints().size() + "/")).isLessThan(last.out().indexOf(LAYER_NORM_BACKWARD));
        assertThat(kata("hint", "layer-norm").out()).contains("no more hints");
    }

    @Test
    void showPrintsATopicPageAndNamesThemForAnUnknownName() {
        Run topic = kata("show", "parallelism");
        assertThat(topic.exit()).isZero();
        assertThat(topic.out()).contains("# Parallelism").contains("Megatron").contains("*Curriculum: ");
        Run unknown = kata("show", "no-such-thing");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.out()).contains("no-such-thing").contains("parallelism");
    }

    @Test
    void splittingKeepsEverythingButTheDerivation() {
        String md = "# T\n\n## What to write\n\nw\n\n## Worked example\n\ne\n\n## Derivation\n\nSECRET\n\n## The theory an interviewer probes\n\nt\n";
        Statement s = Statement.parse(md);
        assertThat(s.derivation()).contains("SECRET");
        assertThat(s.withoutDerivation(null)).doesNotContain("SECRET").doesNotContain("## Derivation").contains("## Worked example\n\ne\n\n## The theory");
        assertThat(s.full()).isEqualTo(md);
        assertThat(Statement.parse("# T\n\n## What to write\n\nw\n").derivation()).isEmpty();
    }

    // --- every kata with a backward pass keeps its answers in the Derivation section ---

    /** A gradient named and set equal to something inside a formula: dx_i = ..., d\gamma = ..., \partial L/\partial x = ... */
    static final Pattern GRADIENT_FORMULA = Pattern.compile(
            "(?<![A-Za-z\\\\])d(?:[A-Za-z]{1,2}|\\\\[a-z]+)(?:_\\{?[A-Za-z0-9,]*\\}?)?\\s*=|\\\\partial[^$=]*=");
    static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$([^$]+?)\\$", Pattern.DOTALL);
    /** Words that give a stable rewrite away. */
    static final List<String> REWRITES = List.of("subtract", "log1p", "softplus", "expm1", "max-subtracted", "logsumexp", "log-sum-exp");

    static boolean hasBackward(Kata k) {
        if (k.checks().contains(CheckKind.GRADCHECK)) return true;
        try {
            return Arrays.stream(Class.forName(k.contractClass()).getMethods()).map(Method::getName).anyMatch(n -> n.startsWith("backward"));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyKataWithABackwardPassHasADerivationAndNoFormulaInWhatToWrite() {
        List<Kata> katas = Catalogue.standard().katas().stream().filter(DerivationTest::hasBackward).toList();
        assertThat(katas).hasSizeGreaterThan(20);
        return katas.stream().map(k -> DynamicTest.dynamicTest(k.slug(), () -> {
            String text = Files.readString(RESOURCES.resolve(k.statementResource()), StandardCharsets.UTF_8);
            Statement s = Statement.parse(text);
            assertThat(s.derivation()).as(k.statementPath() + " has a ## Derivation section").isPresent();
            assertThat(s.before()).as("the derivation comes after the worked example").contains("## Worked example");
            assertThat(s.after()).as("the derivation comes before the theory").contains("## The theory an interviewer probes");
            String what = Statement.section(text, "## What to write").orElseThrow();
            List<String> formulas = new ArrayList<>();
            Matcher m = MATH.matcher(what);
            while (m.find()) {
                String f = m.group(1) != null ? m.group(1) : m.group(2);
                if (GRADIENT_FORMULA.matcher(f).find()) formulas.add(f.strip());
            }
            assertThat(formulas).as("gradient formulas in the What to write of " + k.slug() + " (move them to ## Derivation)").isEmpty();
            assertThat(REWRITES).as("stable rewrites named in the What to write of " + k.slug())
                    .noneMatch(w -> what.toLowerCase(java.util.Locale.ROOT).contains(w));
        }));
    }
}
