package katagym.web.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploads per member: a token bucket of {@code burst} uploads that refills at {@code perHour} an hour.
 * A CI job that uploads after each push never meets it; a token used to flood the server gets 429
 * with the time until its next upload is allowed. Kept in memory (one entry per member who uploaded).
 */
public final class UploadRate {
    private final Clock clock;
    private final int burst;
    private final int perHour;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        Instant at;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public UploadRate(Clock clock, int burst, int perHour) {
        if (burst < 1 || perHour < 1) throw new IllegalArgumentException("the upload burst and hourly rate must be at least 1");
        this.clock = clock;
        this.burst = burst;
        this.perHour = perHour;
    }

    public int burst() { return burst; }

    public int perHour() { return perHour; }

    /** Takes one upload from the member's allowance: empty when allowed, else how long until the next one is. */
    public Optional<Duration> take(long memberId) {
        Instant now = clock.instant();
        Bucket b = buckets.computeIfAbsent(memberId, m -> new Bucket(burst, now));
        synchronized (b) {
            double refilled = Duration.between(b.at, now).toNanos() / 3.6e12 * perHour;
            b.tokens = Math.min(burst, b.tokens + Math.max(0, refilled));
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Optional.empty();
            }
            long waitMillis = (long) Math.ceil((1 - b.tokens) * 3_600_000.0 / perHour);
            return Optional.of(Duration.ofMillis(waitMillis));
        }
    }
}
