package katagym.grader.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import katagym.grader.report.Report;
import katagym.grader.report.ReportFiles;

/**
 * Uploads a report to a dashboard ({@code POST <url>/api/reports} with a bearer token). Network
 * errors and 5xx answers are retried with back-off; the report's runId makes a retry harmless.
 */
public final class Uploader {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int attempts;
    private final long backoffMs;

    public Uploader(int attempts, long backoffMs) {
        this.attempts = attempts;
        this.backoffMs = backoffMs;
    }

    public record Result(boolean ok, int status, String body) {}

    public static URI endpoint(String base) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(b.endsWith("/api/reports") ? b : b + "/api/reports");
    }

    public Result upload(String baseUrl, String token, Report report) throws InterruptedException {
        String body;
        try {
            body = ReportFiles.JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint(baseUrl)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Result last = new Result(false, 0, "not sent");
        for (int i = 1; i <= attempts; i++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                last = new Result(r.statusCode() / 100 == 2, r.statusCode(), r.body());
                if (r.statusCode() < 500) return last; // success, or a refusal that a retry will not change
            } catch (IOException e) {
                last = new Result(false, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (i < attempts) Thread.sleep(backoffMs * i);
        }
        return last;
    }
}
