package katagym.web.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory (0700) and the files in it that hold secrets or reports (0600), created with
 * those permissions by the system call that creates them: they are never readable by others, not
 * even for a moment. On a file system without POSIX permissions they keep the defaults.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    private static boolean posix(Path p) {
        Path existing = p.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory (and missing parents) owner-only; an existing one is narrowed to owner-only. */
    public static void directory(Path dir) throws IOException {
        if (!posix(dir)) {
            Files.createDirectories(dir);
            return;
        }
        if (Files.isDirectory(dir)) {
            narrow(dir, DIRECTORY);
            return;
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
    }

    /** Creates an empty owner-only file unless it exists; an existing one is narrowed to owner-only. */
    public static void file(Path file) throws IOException {
        if (!posix(file)) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            narrow(file, FILE);
        }
    }

    /** Replaces the file's content atomically with an owner-only file holding {@code text}. */
    public static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        FileAttribute<?>[] attrs = posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attrs);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void narrow(Path p, Set<PosixFilePermission> allowed) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(p);
        if (!allowed.containsAll(now)) {
            Set<PosixFilePermission> narrowed = java.util.EnumSet.noneOf(PosixFilePermission.class);
            narrowed.addAll(now);
            narrowed.retainAll(allowed);
            Files.setPosixFilePermissions(p, narrowed);
        }
    }
}
