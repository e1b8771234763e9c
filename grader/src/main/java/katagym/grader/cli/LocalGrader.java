package katagym.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.grader.run.Implementations;
import katagym.grader.spec.CheckKind;

/**
 * Grades the learner's stubs from their sources: compiles them in memory, then runs each kata's
 * spec with the reference as oracle. A stub that does not compile fails its own kata only.
 */
public final class LocalGrader {
    /** The name of the check a stub that does not compile fails. */
    public static final String COMPILES = katagym.grader.run.VerdictBlock.COMPILES;

    private final Function<Kata, Path> sources;
    private final StubCompiler compiler;

    /** Grades the learner's own stubs. */
    public LocalGrader(Workspace workspace, StubCompiler compiler) {
        this(workspace::stub, compiler);
    }

    /**
     * Grades each kata from the source file {@code sources} gives for it: the learner's stub, or a copy
     * elsewhere (an interview's blank workspace) declaring the same class.
     */
    public LocalGrader(Function<Kata, Path> sources, StubCompiler compiler) {
        this.sources = sources;
        this.compiler = compiler;
    }

    public List<KataReport> grade(List<Kata> katas, GradeOptions options, Consumer<KataReport> onEach) {
        Map<Kata, Object> loaders = compile(katas);
        List<KataReport> out = new ArrayList<>();
        for (Kata k : katas) {
            Object compiled = loaders.get(k);
            KataReport r = compiled instanceof List<?> errors
                    ? compileFailure(k, errors)
                    : Grader.grade(k, () -> Implementations.instantiate(k.stubClass(), (ClassLoader) compiled),
                            () -> Implementations.reference(k), options);
            out.add(r);
            onEach.accept(r);
        }
        return out;
    }

    /** For each kata, its class loader, or the list of its compile errors. */
    private Map<Kata, Object> compile(List<Kata> katas) {
        Map<Kata, Object> out = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (Kata k : katas) {
            Path p = sources.apply(k);
            if (!Files.exists(p)) out.put(k, List.of(p.endsWith(k.stubPath())
                    ? "missing file " + k.stubPath() + " (./kata reset " + k.slug() + " restores it)"
                    : "missing file " + p));
            else files.add(p);
        }
        if (files.isEmpty()) return out;
        StubCompiler.Result all = compiler.compile(files);
        if (all.ok()) {
            ClassLoader loader = all.loader();
            for (Kata k : katas) out.putIfAbsent(k, loader);
            return out;
        }
        // isolate the broken files: the others still get graded
        for (Kata k : katas) {
            if (out.containsKey(k)) continue;
            StubCompiler.Result one = compiler.compile(List.of(sources.apply(k)));
            out.put(k, one.ok() ? one.loader() : one.errors());
        }
        return out;
    }

    static KataReport compileFailure(Kata k, List<?> errors) {
        StringBuilder sb = new StringBuilder("compiler errors:");
        for (Object e : errors) sb.append("\n  ").append(e);
        return new KataReport(k.slug(), k.topic(), k.title(), Status.FAILED, 0,
                List.of(new CheckReport(COMPILES, CheckKind.INVARIANT, Status.FAILED, sb.toString(), null, null)));
    }
}
