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

    /** The upload address for a dashboard's base URL; refuses what is not an http(s) URL with a host. */
    public static URI endpoint(String base) {
        String b = base.strip();
        b = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        URI uri;
        try {
            uri = new URI(b.endsWith("/api/reports") ? b : b + "/api/reports");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + base + " (" + e.getReason() + ")");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("the dashboard URL must look like https://host[:port], not " + base);
        }
        return uri;
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
                last = new Result(false, 0, describe(e) + " (" + i + (i == 1 ? " attempt)" : " attempts)"));
            }
            if (i < attempts) Thread.sleep(backoffMs * i);
        }
        return last;
    }

    /** A network failure in words: the JDK often leaves the message of a refused connection empty. */
    static String describe(IOException e) {
        String what = e.getClass().getSimpleName();
        if (e instanceof java.net.ConnectException) return what + ": nothing answers there (is the dashboard running, is the port right?)";
        if (e instanceof java.net.http.HttpTimeoutException) return what + ": no answer in time";
        Throwable cause = e.getMessage() == null && e.getCause() != null ? e.getCause() : e;
        return what + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }
}
