package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import katagym.grader.catalogue.Catalogue;
import katagym.grader.feedback.FeedbackBench;
import katagym.grader.run.GradeOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The feedback benchmark's targets, on 5 seeds (the full benchmark, {@code ./kata feedback-bench}, uses
 * 50): every fixture bug caught on every seed, few plain oracle leads, no leads at the tolerance edge,
 * small and simple counterexamples. Project test mode only ({@code -Dkata.dev=true}): it takes a while.
 */
class FeedbackQualityTest {

    @Test
    void everyFixtureBugIsCaughtOnEverySeedAndExplainedWithASmallSimpleCounterexample() {
        Assumptions.assumeTrue(Boolean.getBoolean("kata.dev"), "project test mode only (-Dkata.dev=true)");
        var katas = Catalogue.standard().select(System.getProperty("kata.only"));
        FeedbackBench.Result r = FeedbackBench.run(katas, Integer.getInteger("kata.feedbackSeeds", 5),
                Runtime.getRuntime().availableProcessors(), GradeOptions.defaults().withTimeout(20_000), line -> { });
        var report = new java.io.ByteArrayOutputStream();
        katagym.grader.cli.FeedbackBenchReport.print(r, new java.io.PrintStream(report, true, java.nio.charset.StandardCharsets.UTF_8));
        System.out.println(report.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.targetsMissed()).as(report.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }
}
