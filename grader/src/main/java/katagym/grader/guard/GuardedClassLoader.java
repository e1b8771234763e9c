package katagym.grader.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Function;

/**
 * Defines the learner's classes itself, rewritten by {@link GuardRewriter}, and delegates every other
 * class to its parent. The learner's classes are given either as bytes (compiled in memory by watch
 * and grade) or found on the parent's classpath under the learner's class folder (mvn test).
 */
public final class GuardedClassLoader extends ClassLoader {
    static { ClassLoader.registerAsParallelCapable(); }

    private final Function<String, byte[]> learnerClass;

    private GuardedClassLoader(ClassLoader parent, Function<String, byte[]> learnerClass) {
        super(parent);
        this.learnerClass = learnerClass;
    }

    /** For classes compiled in memory: exactly these are the learner's. */
    public static GuardedClassLoader of(Map<String, byte[]> classes, ClassLoader parent) {
        return new GuardedClassLoader(parent, classes::get);
    }

    /** For classes on the classpath: those whose class file lies under {@code learnerDir} are the learner's. */
    public static GuardedClassLoader under(java.nio.file.Path learnerDir, ClassLoader parent) {
        return under(learnerDir, parent, name -> true);
    }

    /** As {@link #under(java.nio.file.Path, ClassLoader)}, for the classes there whose names {@code which} accepts. */
    public static GuardedClassLoader under(java.nio.file.Path learnerDir, ClassLoader parent, java.util.function.Predicate<String> which) {
        java.nio.file.Path dir = learnerDir.toAbsolutePath().normalize();
        return new GuardedClassLoader(parent, name -> {
            if (!which.test(name)) return null;
            URL url = parent.getResource(name.replace('.', '/') + ".class");
            if (url == null || !isUnder(url, dir)) return null;
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Compared as paths: a class loader writes file:/a/b where Path.toUri() writes file:///a/b. */
    static boolean isUnder(URL url, java.nio.file.Path dir) {
        if (!"file".equals(url.getProtocol())) return false;
        try {
            return java.nio.file.Path.of(url.toURI()).toAbsolutePath().normalize().startsWith(dir);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = name.startsWith("java.") ? null : learnerClass.apply(name);
                if (bytes == null) return super.loadClass(name, resolve);
                byte[] guarded = GuardRewriter.rewrite(bytes);
                c = defineClass(name, guarded, 0, guarded.length);
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }
}
