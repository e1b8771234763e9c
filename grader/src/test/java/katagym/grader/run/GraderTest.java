package katagym.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import katagym.NotImplementedYet;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.testkit.Echo;
import org.junit.jupiter.api.Test;

/** The grader gives hostile or unfinished code a verdict and goes on with the next kata. */
class GraderTest {
    private static final Kata ECHO = new Kata(1, "echo", "testkit", "Echo", "easy", List.of("Think of identity."));
    private static final GradeOptions OPTIONS = GradeOptions.defaults().withSeed(1).withTimeout(1500);
    private static final Echo REFERENCE = x -> x;

    private static KataReport grade(Echo subject) {
        return Grader.grade(ECHO, () -> subject, () -> REFERENCE, OPTIONS);
    }

    @Test
    void aCorrectSubjectPassesEveryCheck() {
        KataReport r = grade(x -> x);
        assertThat(r.status()).isEqualTo(Status.PASSED);
        assertThat(r.checks()).extracting(CheckReport::status).containsOnly(Status.PASSED);
    }

    @Test
    void aWrongSubjectFailsWithTheShrunkInputTheSeedTheContractAndTheHint() {
        KataReport r = grade(x -> x > 300 ? x + 1 : x);
        assertThat(r.status()).isEqualTo(Status.FAILED);
        // the invariant leads: it names the mistake, where the oracle comparison only says "differs"
        assertThat(r.lead()).isEqualTo("echoReturnsItsArgument");
        CheckReport c = r.leadCheck();
        assertThat(c.counterexample()).isEqualTo("301");
        assertThat(c.message()).isEqualTo("echo(301) differs: expected 301, got 302\nContract: echo(x) returns x.\nHint: Return x itself.");
        assertThat(c.seed()).isNotNull();
        assertThat(r.otherFailures()).extracting(CheckReport::name).containsExactly("echoMatchesReference");
        // each check has its own hint, never the catalogue's first hint for the whole kata
        assertThat(r.checks().get(0).message()).contains("Hint: Compare with what the reference returns.").doesNotContain("Think of identity");
    }

    @Test
    void messagesShowInvisibleCharactersAndCounterexamplesEscapeNonAscii() {
        Echo bad = x -> { throw new IllegalStateException("tab\there, nbsp\u00a0here, e\u0301, \u03c3 stays"); };
        KataReport r = grade(bad);
        assertThat(r.leadCheck().message()).startsWith("threw IllegalStateException: tab\\there, nbsp\\u00a0here, e\\u0301, \u03c3 stays");
        assertThat(katagym.grader.prop.Describe.value("a\u00a0b\uD83D\uDE00")).isEqualTo("\"a\\u00a0b\\ud83d\\ude00\"");
    }

    @Test
    void replayingTheSeedReproducesTheFailure() {
        Echo buggy = x -> x % 7 == 3 ? 0 : x;
        KataReport first = grade(buggy);
        long seed = first.leadCheck().seed();
        KataReport again = Grader.grade(ECHO, () -> buggy, () -> REFERENCE, OPTIONS.withSeed(seed));
        assertThat(again.leadCheck().counterexample()).isEqualTo(first.leadCheck().counterexample());
        assertThat(again.leadCheck().seed()).isEqualTo(seed);
    }

    @Test
    void aStubIsPendingNotFailedUnlessStrict() {
        Echo stub = x -> { throw new NotImplementedYet("EchoKata.echo"); };
        KataReport r = grade(stub);
        assertThat(r.status()).isEqualTo(Status.PENDING);
        assertThat(r.checks().get(0).message()).isEqualTo("pending: echo — implement katas/src/main/java/katagym/testkit/EchoKata.java");
        KataReport strict = Grader.grade(ECHO, () -> stub, () -> REFERENCE, OPTIONS.withStrict(true));
        assertThat(strict.status()).isEqualTo(Status.FAILED);
        assertThat(strict.checks().get(0).message()).contains("strict mode");
    }

    @Test
    void aStubThatThrowsInItsConstructorIsPending() {
        KataReport r = Grader.grade(ECHO, () -> { throw new NotImplementedYet(); }, () -> REFERENCE, OPTIONS);
        assertThat(r.status()).isEqualTo(Status.PENDING);
    }

    /** A runaway subject loaded as learner code is: rewritten, so that a timeout stops it on any JDK. */
    private static Echo guarded(Class<? extends Echo> runaway) {
        try {
            java.nio.file.Path classes = java.nio.file.Path.of(runaway.getProtectionDomain().getCodeSource().getLocation().toURI());
            ClassLoader loader = katagym.grader.guard.GuardedClassLoader.under(classes, GraderTest.class.getClassLoader(),
                    name -> name.startsWith(katagym.testkit.Runaways.class.getName()));
            return (Echo) loader.loadClass(runaway.getName()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInfiniteLoopIsATimeoutAndTheNextKataStillGetsAVerdict() {
        Echo looping = guarded(katagym.testkit.Runaways.TightLoop.class);
        long start = System.nanoTime();
        KataReport r = grade(looping);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.checks().get(0).message()).startsWith("timeout");
        assertThat(r.checks().get(0).counterexample()).as("the input being tried").isNotNull();
        long replaySeed = r.checks().get(0).seed();
        assertThat(katagym.grader.run.VerdictBlock.details("echo", r.checks().get(0), false))
                .contains("input when time ran out: ").contains("replay: ./kata grade echo --seed " + replaySeed);
        assertThat(r.checks().get(1).status()).isEqualTo(Status.SKIPPED);
        assertThat(ms).isLessThan(5000);
        assertThat(grade(x -> x).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void aStackOverflowIsAnErrorVerdictNamingTheInput() {
        Echo recursing = new Echo() {
            public int echo(int x) { return x < 0 ? x : echo(x + 1) - 1; }
        };
        // every shrink step overflows the stack again: give it more time than the loop test needs
        KataReport r = Grader.grade(ECHO, () -> recursing, () -> REFERENCE, OPTIONS.withTimeout(20_000));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.leadCheck().message()).startsWith("threw StackOverflowError");
        assertThat(r.leadCheck().counterexample()).isEqualTo("0");
        assertThat(grade(x -> x).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void aHugeAllocationIsAnErrorVerdict() {
        KataReport r = grade(guarded(katagym.testkit.Runaways.HugeAllocation.class));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.leadCheck().message()).matches("(?s)(threw OutOfMemoryError.*|timeout.*)");
        assertThat(grade(x -> x).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void anExceptionIsReportedWithItsTypeAndMessage() {
        KataReport r = grade(x -> { if (x > 5) throw new IllegalArgumentException("no " + x); return x; });
        assertThat(r.leadCheck().message()).startsWith("threw IllegalArgumentException: no 6");
        assertThat(r.leadCheck().counterexample()).isEqualTo("6");
    }

    @Test
    void oraclelessModeSkipsTheComparisonWithTheReference() {
        KataReport r = Grader.grade(ECHO, () -> (Echo) x -> x, () -> REFERENCE, OPTIONS.withOracleless(true));
        assertThat(r.checks().get(0).status()).isEqualTo(Status.SKIPPED);
        assertThat(r.checks().get(1).status()).isEqualTo(Status.PASSED);
        assertThat(r.status()).isEqualTo(Status.PASSED);
    }

    @Test
    void aMissingSpecIsAFailureThatSaysSo() {
        Kata ghost = new Kata(1, "ghost", "testkit", "Ghost", "easy", List.of());
        KataReport r = Grader.grade(ghost, () -> REFERENCE, () -> REFERENCE, OPTIONS);
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.checks().get(0).message()).contains("katagym.testkit.GhostSpec");
    }
}
