package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import katagym.grader.catalogue.Catalogue;
import katagym.web.ingest.HistoryIngester;
import katagym.web.ingest.ReportValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local runs reach the dashboard through the history file, each exactly once. */
class HistoryIngesterTest {
    @TempDir Path dir;

    @Test
    void appendedRunsAreStoredOnceAndAPartialLineWaitsUntilItIsComplete() throws Exception {
        try (Fixture f = new Fixture(dir.resolve("data"), dir)) {
            ingestOnce(f);
        }
    }

    private void ingestOnce(Fixture f) throws Exception {
        Path history = dir.resolve(".kata/history.jsonl");
        Files.createDirectories(history.getParent());
        HistoryIngester ingester = new HistoryIngester(history, f.store, new ReportValidator(Catalogue.standard()), f.local);
        assertThat(ingester.poll()).isZero(); // no file yet

        String first = Fixture.json(Fixture.failedSigmoid());
        String second = Fixture.json(Fixture.passed("sigmoid"));
        Files.writeString(history, first + "\n" + second.substring(0, 40), StandardCharsets.UTF_8);
        assertThat(ingester.poll()).isEqualTo(1);
        Files.writeString(history, second.substring(40) + "\n{broken line}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(ingester.poll()).isEqualTo(1);
        assertThat(ingester.poll()).isZero();
        assertThat(f.store.runCount()).isEqualTo(2);
        assertThat(f.store.latestStatuses(f.local)).containsEntry("sigmoid", "passed");

        // a new ingester (a restarted server) continues from the stored offset
        HistoryIngester restarted = new HistoryIngester(history, f.store, new ReportValidator(Catalogue.standard()), f.local);
        assertThat(restarted.poll()).isZero();
        // a rewritten (shorter) file is read again from the start; known runIds are not stored twice
        Files.writeString(history, first + "\n", StandardCharsets.UTF_8);
        assertThat(restarted.poll()).isZero();
        assertThat(f.store.runCount()).isEqualTo(2);
    }

    @Test
    void theLatestStatusFollowsTheNewestRunNotTheLastIngested() {
        try (Fixture f = new Fixture(dir.resolve("data2"), dir)) {
            latestFollowsNewest(f);
        }
    }

    private void latestFollowsNewest(Fixture f) {
        var newer = Fixture.passed("sigmoid");
        var older = new katagym.grader.report.Report(1, "2020-01-01T00:00:00Z", "old-run", "katas", false, 1,
                Fixture.failedSigmoid().summary(), Fixture.failedSigmoid().katas());
        f.store.store(f.local, newer);
        f.store.store(f.local, older);
        assertThat(f.store.latestStatuses(f.local)).containsEntry("sigmoid", "passed");
    }
}
