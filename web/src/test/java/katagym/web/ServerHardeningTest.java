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
}
