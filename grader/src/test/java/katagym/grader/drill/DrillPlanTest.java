package katagym.grader.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillPlanTest {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    @TempDir Path root;

    static Instant day(double d) { return T0.plus(Duration.ofMinutes(Math.round(d * 24 * 60))); }

    static String[] ids(Drill... drills) { return java.util.Arrays.stream(drills).map(Drill::id).toArray(String[]::new); }

    static List<String> ids(List<Drill> drills) { return drills.stream().map(Drill::id).toList(); }

    @Test
    void neverAnsweredAndLastWrongComeFirstThenDueThenTheRestSoonestDueFirst() {
        List<Drill> pool = DrillsTest.fixtures().all(); // 4 attention, 2 peft
        Drill variance = pool.get(0), why = pool.get(1), flops = pool.get(2), order = pool.get(3), lora = pool.get(4), latency = pool.get(5);
        DrillLog log = new DrillLog(root);
        log.record(variance, true, "64", day(0));      // due at day 1
        log.record(why, true, "b", day(0));
        log.record(why, false, "a", day(0.5));        // last answer wrong: open again (and due at day 1.5, one step down)
        log.record(flops, true, "x", day(1));          // due at day 2
        log.record(order, true, "x", day(0));
        log.record(order, true, "x", day(1));          // step 1: due at day 4
        log.record(lora, true, "x", day(0.9));         // due at day 1.9

        DrillPlan plan = new DrillPlan(log.read(), day(1.5));
        assertThat(ids(plan.pick(pool, 10))).containsExactly(ids(why, latency, variance, lora, flops, order));
        assertThat(ids(plan.pick(pool, 2))).containsExactly(ids(why, latency));
        assertThat(ids(plan.due(pool))).containsExactly(ids(variance, why));
        assertThat(ids(new DrillPlan(log.read(), day(2)).due(pool))).containsExactly(ids(variance, why, lora, flops));
        assertThat(plan.nextDue(pool)).contains(day(1));

        DrillPlan.TopicStats attention = plan.stats("attention", pool.subList(0, 4));
        assertThat(attention).isEqualTo(new DrillPlan.TopicStats("attention", 4, 4, 5, 6, 2));
        assertThat(attention.accuracy()).isEqualTo(83);
    }

    @Test
    void theLogSkipsALineItCannotReadAndKeepsTheRest() throws Exception {
        DrillLog log = new DrillLog(root);
        Drill d = DrillsTest.fixtures().all().get(0);
        log.record(d, true, "64", T0);
        Files.writeString(log.file(), "{torn\n{\"drill\":\"x\",\"answeredAt\":\"yesterday\"}\n", java.nio.file.StandardOpenOption.APPEND);
        log.record(d, false, "63", T0.plusSeconds(1));
        assertThat(log.read()).extracting(DrillLog.Answer::given).containsExactly("64", "63");
        assertThat(Files.readAllLines(log.file()).get(0))
                .isEqualTo("{\"drill\":\"fixture-attention-score-variance\",\"topic\":\"attention\",\"curriculum\":[\"A1\"],"
                        + "\"correct\":true,\"given\":\"64\",\"answeredAt\":\"2026-12-01T09:00:00Z\"}");
    }
}
