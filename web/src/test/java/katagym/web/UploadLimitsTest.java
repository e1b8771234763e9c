package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import katagym.grader.catalogue.Catalogue;
import katagym.web.ingest.UploadRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member's token cannot flood the server: a rate limit (429, Retry-After) and a quota of stored runs (507); both store nothing. */
class UploadLimitsTest {
    @TempDir Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T10:00:00Z"));

        void advance(Duration d) { now.updateAndGet(t -> t.plus(d)); }

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    }

    private static FormClient.Page upload(FormClient c, String token) {
        return c.post("/api/reports", "application/json", Fixture.json(Fixture.passed("sigmoid")), "Authorization", "Bearer " + token);
    }

    private static WebApp.Options serve(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        var parsed = new picocli.CommandLine(new WebMain()).parseArgs(all);
        WebMain.Serve serve = parsed.subcommand().commandSpec().commandLine().getCommand();
        return serve.options();
    }

    @Test
    void theDefaultsSuitACiJobAndServeOptionsChangeThem() {
        WebApp.Options defaults = serve();
        assertThat(defaults.uploadBurst()).isEqualTo(10);
        assertThat(defaults.uploadsPerHour()).isEqualTo(60);
        assertThat(defaults.maxRunsPerMember()).isEqualTo(2000);
        assertThat(defaults.sessionIdle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.sessionAbsolute()).isEqualTo(Duration.ofHours(8));
        assertThat(defaults.behindTlsProxy()).isFalse();
        WebApp.Options set = serve("--upload-burst", "3", "--uploads-per-hour", "7", "--max-runs-per-member", "9",
                "--session-idle-minutes", "5", "--session-max-hours", "2", "--behind-tls-proxy");
        assertThat(set).isEqualTo(new WebApp.Options(true, Duration.ofMinutes(5), Duration.ofHours(2), 3, 7, 9, set.clock()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serve("--max-runs-per-member", "0")).hasMessageContaining("quota");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serve("--session-idle-minutes", "600"))
                .as("idle longer than the whole session").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMemberPastTheBurstGets429WithRetryAfterAndNothingIsStoredUntilTheAllowanceRefills() {
        TestClock clock = new TestClock();
        var options = WebApp.Options.DEFAULTS.clock(clock).uploads(3, 60, 1000);
        try (Fixture f = new Fixture(dir.resolve("data"), dir, Catalogue.standard(), options)) {
            f.groups.create("g");
            String alice = f.groups.addMember("g", "alice");
            String bob = f.groups.addMember("g", "bob");
            JavalinTest.test(f.app, (server, client) -> {
                FormClient ci = new FormClient(server.port());
                for (int i = 0; i < 3; i++) assertThat(upload(ci, alice).code()).isEqualTo(201);
                var refused = upload(ci, alice);
                assertThat(refused.code()).isEqualTo(429);
                assertThat(refused.body()).contains("too many uploads").contains("60 an hour");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
                assertThat(f.store.runCount()).isEqualTo(3);
                assertThat(upload(ci, bob).code()).as("each member has their own allowance").isEqualTo(201);
                clock.advance(Duration.ofSeconds(61)); // 60 an hour: one more a minute
                assertThat(upload(ci, alice).code()).isEqualTo(201);
                assertThat(upload(ci, alice).code()).isEqualTo(429);
                assertThat(f.store.runCount()).isEqualTo(5);
                // the local learner's own token (the machine owner's) is not limited
                for (int i = 0; i < 5; i++) assertThat(upload(ci, f.token).code()).isEqualTo(201);
            });
        }
    }

    @Test
    void aMemberAtTheStorageQuotaGets507WithAReasonAndNothingIsStored() {
        var options = WebApp.Options.DEFAULTS.uploads(100, 100, 2);
        try (Fixture f = new Fixture(dir.resolve("data"), dir, Catalogue.standard(), options)) {
            f.groups.create("g");
            String alice = f.groups.addMember("g", "alice");
            String bob = f.groups.addMember("g", "bob");
            JavalinTest.test(f.app, (server, client) -> {
                FormClient ci = new FormClient(server.port());
                assertThat(upload(ci, alice).code()).isEqualTo(201);
                assertThat(upload(ci, alice).code()).isEqualTo(201);
                var full = upload(ci, alice);
                assertThat(full.code()).isEqualTo(507);
                assertThat(full.body()).contains("storage quota").contains("2 stored runs").contains("--max-runs-per-member");
                assertThat(f.store.runCount()).isEqualTo(2);
                assertThat(upload(ci, bob).code()).as("the quota is per member").isEqualTo(201);
            });
        }
    }

    @Test
    void theAllowanceRefillsAtTheHourlyRateUpToTheBurst() {
        TestClock clock = new TestClock();
        UploadRate rate = new UploadRate(clock, 2, 3600); // one a second
        assertThat(rate.take(1)).isEmpty();
        assertThat(rate.take(1)).isEmpty();
        assertThat(rate.take(1)).hasValue(Duration.ofSeconds(1));
        clock.advance(Duration.ofHours(5));
        assertThat(rate.take(1)).isEmpty();
        assertThat(rate.take(1)).as("a long pause refills only up to the burst").isEmpty();
        assertThat(rate.take(1)).isPresent();
    }
}
