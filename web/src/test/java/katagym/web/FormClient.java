package katagym.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's forms without a browser: it keeps the cookies the server sets (only what a browser
 * would send back) and the CSRF token of the last form it read, and never follows redirects.
 * Tests pass other headers (Origin, Sec-Fetch-Site, a replayed Cookie) to act as an attacker would.
 */
final class FormClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    final String origin;
    final Map<String, String> cookies = new LinkedHashMap<>();
    final List<String> setCookies = new java.util.ArrayList<>();
    String csrf;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    FormClient(int port) {
        this.origin = "http://localhost:" + port;
    }

    record Page(int code, String body, java.net.http.HttpHeaders headers) {}

    /** The cookies as a browser sends them back. */
    String cookieHeader() {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    Page get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET(), headers);
    }

    /** A same-origin form post (Origin and Sec-Fetch-Site as a browser sends them) with the last CSRF token seen. */
    Page submit(String path, Map<String, String> fields, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null && !all.containsKey("csrf")) all.put("csrf", csrf);
        String[] withOrigin = new String[headers.length + 4];
        withOrigin[0] = "Origin";
        withOrigin[1] = origin;
        withOrigin[2] = "Sec-Fetch-Site";
        withOrigin[3] = "same-origin";
        System.arraycopy(headers, 0, withOrigin, 4, headers.length);
        return post(path, "application/x-www-form-urlencoded", form(all), withOrigin);
    }

    Page post(String path, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType), headers);
    }

    static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    private Page send(HttpRequest.Builder b, String... headers) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) extra.put(headers[i], headers[i + 1]);
        // the headers a test names win over the ones a browser would send
        extra.forEach((k, v) -> b.setHeader(k, v));
        if (!extra.containsKey("Cookie") && !cookies.isEmpty()) b.header("Cookie", cookieHeader());
        try {
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String c : res.headers().allValues("Set-Cookie")) {
                setCookies.add(c);
                String[] nv = c.split(";", 2)[0].split("=", 2);
                boolean expired = c.toLowerCase().contains("max-age=0") || nv[1].isEmpty();
                if (expired) cookies.remove(nv[0].trim());
                else cookies.put(nv[0].trim(), nv[1].trim());
            }
            Matcher m = CSRF.matcher(res.body());
            if (m.find()) csrf = m.group(1);
            return new Page(res.statusCode(), res.body(), res.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in on /admin with an admin token as a browser would: read the form, post it, follow the redirect (the session's forms). */
    Page adminLogin(String adminToken) {
        get("/admin");
        return followed(submit("/admin/login", Map.of("token", adminToken)));
    }

    /** Reads the page a redirect names, as a browser does (its forms carry the new session's CSRF token); returns the redirect. */
    Page followed(Page page) {
        if (page.code() == 302 || page.code() == 303) page.headers().firstValue("Location").ifPresent(this::get);
        return page;
    }
}
