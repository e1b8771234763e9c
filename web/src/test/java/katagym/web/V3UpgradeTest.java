package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by the V3 code (six weeks of a study group's realistic reports, raw bodies
 * included) is upgraded by the V4 migration and shows every page as the V3 code rendered it.
 * {@code v3-history/} holds that database and the pages (status and body of each path) as rendered
 * before the upgrade; {@code MakeV3History.java.txt} is the test that made them with the V3 code.
 * The HTML is compared while the templates are those the pages were rendered with (their hash is
 * recorded); the JSON API always.
 */
class V3UpgradeTest {
    static final List<String> MEMBERS = List.of("local", "alice", "bob", "carol");

    @TempDir Path dir;

    @Test
    void aV3DatabaseWithRawBodiesIsUpgradedAndEveryPageIsUnchanged() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/v3-history/kata-gym.db.gz"))) {
            Files.copy(in, data.resolve("kata-gym.db"));
        }
        long before = Files.size(data.resolve("kata-gym.db"));
        JsonNode golden;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/v3-history/pages.json.gz"))) {
            golden = ReportFiles.JSON.readTree(in);
        }
        boolean sameTemplates = golden.get("templates").asText().equals(templatesHash());
        Catalogue catalogue = catalogueOfTheRecording();
        try (Fixture f = new Fixture(data, dir, catalogue)) { // opening the database migrates it to the latest version
            try (var c = f.db.connect(); var rs = c.getMetaData().getColumns(null, null, "runs", null)) {
                List<String> columns = new ArrayList<>();
                while (rs.next()) columns.add(rs.getString("COLUMN_NAME"));
                assertThat(columns).doesNotContain("body").contains("run_id", "generated_at", "received_at", "seed", "total");
            }
            assertThat(f.store.runCount()).isEqualTo(28);
            Map<String, String> pages = new TreeMap<>();
            JavalinTest.test(f.app, (server, client) -> {
                for (String path : paths(catalogue)) {
                    var res = client.get(path);
                    pages.put(path, res.code() + "\n" + res.body().string());
                }
            });
            int compared = 0;
            for (var e : pages.entrySet()) {
                assertThat(golden.has(e.getKey())).as(e.getKey()).isTrue();
                if (!sameTemplates && !e.getKey().startsWith("/api/")) continue;
                String expected = golden.get(e.getKey()).asText();
                if (e.getKey().startsWith("/api/")) { // as JSON: /api/progress lists each kata as a Map.of, whose key order varies between JVMs
                    assertThat(e.getValue().substring(0, 4)).as(e.getKey()).isEqualTo(expected.substring(0, 4));
                    assertThat(ReportFiles.JSON.readTree(e.getValue().substring(4))).as(e.getKey())
                            .isEqualTo(ReportFiles.JSON.readTree(expected.substring(4)));
                } else {
                    assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected);
                }
                compared++;
            }
            assertThat(compared).isGreaterThanOrEqualTo(sameTemplates ? 97 : 44);
        }
        assertThat(Files.size(data.resolve("kata-gym.db"))).as("the freed pages are given back").isLessThan(before / 4);
    }

    /**
     * The pages were recorded with the catalogue of that time (64 katas): the katas added since would
     * change every page that lists the catalogue, which is not what this test is about.
     */
    static Catalogue catalogueOfTheRecording() throws Exception {
        List<String> slugs;
        try (InputStream in = V3UpgradeTest.class.getResourceAsStream("/v3-history/slugs.txt")) {
            slugs = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        List<katagym.grader.catalogue.Kata> katas = new ArrayList<>();
        for (String slug : slugs) {
            var k = Catalogue.standard().get(slug);
            katas.add(new katagym.grader.catalogue.Kata(katas.size() + 1, k.slug(), k.topic(), k.title(), k.difficulty(), k.hints(), k.checks()));
        }
        return new Catalogue(katas);
    }

    static List<String> paths(Catalogue catalogue) {
        List<String> out = new ArrayList<>();
        out.add("/groups/ml-study");
        for (String m : MEMBERS) {
            String q = m.equals("local") ? "" : "member=" + m;
            out.add("/" + (q.isEmpty() ? "" : "?" + q));
            out.add("/katas" + (q.isEmpty() ? "" : "?" + q));
            out.add("/katas?status=failed" + (q.isEmpty() ? "" : "&" + q));
            out.add("/api/progress" + (q.isEmpty() ? "" : "?" + q));
            for (int i = 0; i < catalogue.katas().size(); i += 7) {
                var k = catalogue.katas().get(i);
                out.add("/katas/" + k.slug() + (q.isEmpty() ? "" : "?" + q));
                out.add("/api/katas/" + k.slug() + (q.isEmpty() ? "" : "?" + q));
            }
        }
        return out;
    }

    static String templatesHash() throws Exception {
        var md = java.security.MessageDigest.getInstance("SHA-256");
        Path dir = Path.of("src/main/jte");
        try (var walk = Files.walk(dir)) {
            for (var p : walk.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }
}
