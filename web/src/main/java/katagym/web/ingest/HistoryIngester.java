package katagym.web.ingest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import katagym.grader.report.Report;
import katagym.web.store.ReportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the learner's run history ({@code .kata/history.jsonl}), so every {@code mvn test},
 * {@code ./kata grade} and watch verdict shows on the dashboard within a second, without an upload.
 * Only complete lines are read; the offset reached is stored, and runIds make re-reading harmless.
 */
public final class HistoryIngester implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryIngester.class);
    private final Path history;
    private final ReportStore store;
    private final ReportValidator validator;
    private final long memberId;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "history-ingest");
        t.setDaemon(true);
        return t;
    });

    public HistoryIngester(Path history, ReportStore store, ReportValidator validator, long memberId) {
        this.history = history.toAbsolutePath().normalize();
        this.store = store;
        this.validator = validator;
        this.memberId = memberId;
    }

    public HistoryIngester start(long periodMs) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.warn("reading {} failed: {}", history, e.getMessage());
            }
        }, 0, periodMs, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads what was appended since the last poll; returns the number of reports stored. */
    public synchronized int poll() {
        if (!Files.exists(history)) return 0;
        String key = history.toString();
        long offset = store.offset(key);
        int stored = 0;
        try (RandomAccessFile f = new RandomAccessFile(history.toFile(), "r")) {
            long length = f.length();
            if (length < offset) offset = 0; // the file was replaced: read it again, runIds dedupe
            if (length == offset) return 0;
            f.seek(offset);
            byte[] chunk = new byte[(int) Math.min(length - offset, 64L << 20)];
            f.readFully(chunk);
            int start = 0;
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] != '\n') continue;
                String line = new String(chunk, start, i - start, StandardCharsets.UTF_8).trim();
                start = i + 1;
                if (line.isEmpty()) continue;
                try {
                    Report r = validator.validate(line);
                    if (store.store(memberId, r) == ReportStore.Outcome.STORED) stored++;
                } catch (BadReport bad) {
                    LOG.warn("skipped a history line: {}", bad.getMessage());
                }
            }
            store.saveOffset(key, offset + start); // a trailing partial line is read next time
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", history, e.getMessage());
        }
        return stored;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
