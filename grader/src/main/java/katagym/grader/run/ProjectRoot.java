package katagym.grader.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: {@code kata.root} when set (Maven sets it), else the nearest folder up with a {@code katas} module. */
public final class ProjectRoot {
    private ProjectRoot() {}

    public static Path find() {
        String prop = System.getProperty("kata.root");
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("katas")) && Files.exists(d.resolve("pom.xml"))) return d;
        }
        return dir;
    }
}
