package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How `./kata serve` exposes itself: which interface it listens on, and who can read its files. */
class ServerHardeningTest {
    @TempDir Path dir;

    @Test
    void serveListensOnLoopbackUnlessAskedForAnotherHost() throws Exception {
        CommandLine.ParseResult parsed = new CommandLine(new WebMain()).parseArgs("serve");
        WebMain.Serve serve = (WebMain.Serve) parsed.subcommand().commandSpec().userObject();
        assertThat(serve.host).isEqualTo("127.0.0.1");
        CommandLine.ParseResult group = new CommandLine(new WebMain()).parseArgs("serve", "--host", "0.0.0.0");
        assertThat(((WebMain.Serve) group.subcommand().commandSpec().userObject()).host).isEqualTo("0.0.0.0");

        try (WebMain.Server server = WebMain.start(dir, dir.resolve("data"), 0)) {
            ServerConnector connector = (ServerConnector) server.app().jettyServer().server().getConnectors()[0];
            assertThat(connector.getHost()).isEqualTo("127.0.0.1");
            int port = server.app().port();
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
            List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(ServerHardeningTest::up)
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
            for (InetAddress a : others) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(a, port), 2000);
                    }
                }).as("reachable on %s", a).isInstanceOf(IOException.class);
            }
        }
    }

    private static boolean up(NetworkInterface i) {
        try {
            return i.isUp() && !i.isLoopback();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theDataDirectoryDatabaseAndTokenAreOwnerOnlyFromTheStart() throws Exception {
        Path data = dir.resolve("home").resolve("data");
        // what any other process could have seen: the permissions of each path the moment it appears
        Map<Path, String> firstSeen = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                see(data, firstSeen);
                if (Files.isDirectory(data)) {
                    try (var files = Files.list(data)) {
                        files.forEach(f -> see(f, firstSeen));
                    } catch (IOException ignored) {
                        // listed while a file was moved into place: look again
                    }
                }
                Thread.onSpinWait();
            }
        });
        watcher.start();
        try (WebMain.Server server = WebMain.start(dir, data, 0)) {
            assertThat(server.localToken()).startsWith("kg_");
        } finally {
            watching.set(false);
            watcher.join();
        }
        assertThat(perms(data)).isEqualTo("rwx------");
        assertThat(perms(data.resolve("kata-gym.db"))).isEqualTo("rw-------");
        assertThat(perms(data.resolve("local-token"))).isEqualTo("rw-------");
        try (var files = Files.list(data)) {
            files.forEach(f -> assertThat(perms(f)).as(f.getFileName().toString()).isEqualTo("rw-------"));
        }
        assertThat(firstSeen).containsKey(data);
        firstSeen.forEach((p, seen) -> assertThat(seen).as("%s when it appeared", p.getFileName())
                .isIn("rwx------", "rw-------", "gone"));

        // a data directory and token file left wider by an older version are narrowed
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("local-token"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data.resolve("kata-gym.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (WebMain.Server again = WebMain.start(dir, data, 0)) {
            assertThat(perms(data)).isEqualTo("rwx------");
            assertThat(perms(data.resolve("local-token"))).isEqualTo("rw-------");
            assertThat(perms(data.resolve("kata-gym.db"))).isEqualTo("rw-------");
        }
    }

    private static void see(Path p, Map<Path, String> firstSeen) {
        if (firstSeen.containsKey(p) || !Files.exists(p)) return;
        firstSeen.putIfAbsent(p, perms(p));
    }

    private static String perms(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            return "gone";
        }
    }
    @Test
    void everyResponseCarriesTheSecurityHeadersJettysOwnErrorsIncluded() throws Exception {
        try (WebMain.Server server = WebMain.start(dir, dir.resolve("data"), 0)) {
            int port = server.app().port();
            String token = server.localToken();
            Map<String, String> requests = new java.util.LinkedHashMap<>();
            requests.put("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "HTTP/1.1 200");
            requests.put("GET /assets/app.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "HTTP/1.1 200");
            requests.put("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "HTTP/1.1 200");
            requests.put("GET /no/such/page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "HTTP/1.1 404");
            requests.put("POST /api/reports HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", "HTTP/1.1 401");
            requests.put("POST /api/reports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1\r\nConnection: close\r\n\r\n{", "HTTP/1.1 400");
            requests.put("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "HTTP/1.1 414");
            requests.put("NOT A REQUEST\r\n\r\n", "HTTP/1.1 505");
            requests.put("GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", "HTTP/1.1 400");
            requests.put("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n", "HTTP/1.1 431");
            for (var r : requests.entrySet()) {
                String response = raw(port, r.getKey());
                String what = r.getKey().substring(0, Math.min(40, r.getKey().length()));
                assertThat(response).as(what).startsWith(r.getValue());
                String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
                assertThat(head).as(what)
                        .contains("content-security-policy: default-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .contains("x-content-type-options: nosniff")
                        .contains("x-frame-options: deny");
            }
        }
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException reset) {
            return "reset: " + reset.getMessage();
        }
    }

    @Test
    void adminFormErrorsAnswer4xx() throws Exception {
        try (WebMain.Server server = WebMain.start(dir, dir.resolve("data"), 0)) {
            String adminToken = katagym.web.store.Tokens.admin(server.db()).createAdmin();
            FormClient browser = new FormClient(server.app().port());
            browser.adminLogin(adminToken);
            assertThat(browser.submit("/admin/groups", java.util.Map.of("name", "club")).code()).isEqualTo(200);
            var again = browser.submit("/admin/groups", java.util.Map.of("name", "club"));
            assertThat(again.code()).isEqualTo(409);
            assertThat(again.body()).contains("exists already");
            assertThat(browser.submit("/admin/groups", java.util.Map.of("name", "<x>")).code()).isEqualTo(400);
            var noGroup = browser.submit("/admin/members", java.util.Map.of("group", "nope", "member", "dana"));
            assertThat(noGroup.code()).isEqualTo(400);
            assertThat(noGroup.body()).contains("no group");
            var noMember = browser.submit("/admin/revoke", java.util.Map.of("group", "club", "member", "ghost"));
            assertThat(noMember.code()).isEqualTo(400);
            assertThat(noMember.body()).contains("no member");
            assertThat(browser.submit("/admin/visibility", java.util.Map.of("group", "nope", "visibility", "private")).code()).isEqualTo(400);
            assertThat(browser.submit("/admin/visibility", java.util.Map.of("group", "club", "visibility", "secret")).code()).isEqualTo(400);
            assertThat(server.groups().find("club").orElseThrow().isPrivate()).as("a refused form changes nothing").isFalse();
        }
    }

    @Test
    void theAdminPageMakesAGroupPrivateAndPublicAgain() throws Exception {
        try (WebMain.Server server = WebMain.start(dir, dir.resolve("data"), 0)) {
            String adminToken = katagym.web.store.Tokens.admin(server.db()).createAdmin();
            server.groups().create("club");
            FormClient browser = new FormClient(server.app().port());
            browser.adminLogin(adminToken);
            assertThat(browser.get("/admin").body()).contains("Make club private");
            var made = browser.submit("/admin/visibility", java.util.Map.of("group", "club", "visibility", "private"));
            assertThat(made.code()).isEqualTo(200);
            assertThat(made.body()).contains("group club is now private").contains("Make club public");
            assertThat(server.groups().find("club").orElseThrow().isPrivate()).isTrue();
            FormClient stranger = new FormClient(server.app().port());
            assertThat(stranger.get("/groups/club").code()).as("a stranger now gets the sign-in form").isEqualTo(401);
            browser.submit("/admin/visibility", java.util.Map.of("group", "club", "visibility", "public"));
            assertThat(stranger.get("/groups/club").code()).isEqualTo(200);
        }
    }
}
