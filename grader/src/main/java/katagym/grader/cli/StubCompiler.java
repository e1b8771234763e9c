package katagym.grader.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the learner's stub sources in memory with the JDK's compiler, against the running
 * classpath, and loads them in a fresh class loader: no Maven, no class files on disk. One instance
 * stays warm across compiles, which is what makes watch mode fast.
 */
public final class StubCompiler {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files;
    private final List<String> options;

    public record Result(Map<String, byte[]> classes, List<String> errors) {
        public boolean ok() { return errors.isEmpty(); }

        /**
         * A class loader that defines these classes itself, rewritten so that a run can stop them
         * ({@link katagym.grader.guard.GuardRewriter}), and delegates everything else.
         */
        public ClassLoader loader() {
            return katagym.grader.guard.GuardedClassLoader.of(classes, StubCompiler.class.getClassLoader());
        }
    }

    public StubCompiler() {
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the kata command with a JDK, not a JRE");
        }
        files = javac.getStandardFileManager(null, Locale.ROOT, java.nio.charset.StandardCharsets.UTF_8);
        options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-g", "-nowarn",
                "-encoding", "UTF-8");
    }

    public synchronized Result compile(List<Path> sources) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> out = new HashMap<>();
        var units = files.getJavaFileObjectsFromPaths(sources);
        var memory = new ForwardingJavaFileManager<>(files) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() throws IOException {
                                super.close();
                                out.put(className, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        boolean ok = javac.getTask(null, memory, diagnostics, options, null, units).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
            errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
        }
        if (!ok && errors.isEmpty()) errors.add("compilation failed");
        return new Result(out, errors);
    }
}
