package katagym.losses;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;

import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Source;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class InfoNceSpec implements KataSpec<InfoNce> {
    private static final String LOSS_HINT = "Normalise each row with its exact norm, s = qhat khat^T / temperature, then the mean over rows of logsumexp(s_i) - s_ii.";
    private static final String GRADIENT_HINT = "G = (softmax(s) - I) / (N temperature); dqhat = G khat, dkhat = G^T qhat; then back through x / |x|.";

    /** Queries and keys [N][D] and the temperature. */
    record Case(double[][] queries, double[][] keys, double temperature) {}

    /** A case and a permutation of its N pairs. */
    record Permuted(double[][] queries, double[][] keys, double temperature, int[] permutation) {}

    /** A case and positive factors for each query row and each key row. */
    record Scaled(double[][] queries, double[][] keys, double temperature, double[] queryScales, double[] keyScales) {}

    static double temperature(Source s) {
        return switch (s.weighted(0.25, 0.25, 0.25, 0.25)) {
            case 0 -> 1.0;
            case 1 -> 0.1;
            case 2 -> 0.05;
            default -> 0.05 + 2 * Gens.unit(s);
        };
    }

    /** Rows with entries in [-2, 2] and norm at least 0.5 (a short row gets 1 added to its first entry). */
    static Gen<double[][]> rows(int n, int dim) {
        return s -> {
            double[][] m = Gens.matrix(n, dim, Gens.doubles(-2, 2)).generate(s);
            for (double[] row : m) {
                if (Math.sqrt(Tensors.dot(row, row)) < 0.5) row[0] += row[0] >= 0 ? 1 : -1;
            }
            return m;
        };
    }

    /** A case whose rows are each multiplied by 1e-6, 1e-3, 1, 10 or 1e3: cosine similarity must ignore the norms. */
    static Gen<Case> scaledCases() {
        return s -> {
            Case c = cases().generate(s);
            Gen<Double> scale = Gens.oneOf(1.0, 1e-6, 1e-3, 10.0, 1e3);
            for (double[][] m : new double[][][] {c.queries(), c.keys()})
                for (double[] row : m) {
                    double f = scale.generate(s);
                    for (int d = 0; d < row.length; d++) row[d] *= f;
                }
            return c;
        };
    }

    /** Temperatures 1e-2 and 1e-3, where a log-sum-exp without the max overflows. */
    static Gen<Case> coldCases() {
        return s -> {
            Case c = cases().generate(s);
            return new Case(c.queries(), c.keys(), Gens.oneOf(1e-2, 1e-3, 2e-3).generate(s));
        };
    }

    static Gen<Case> cases() {
        return s -> {
            int dim = s.intBetween(1, 5);
            int n = s.intBetween(1, 5);
            return new Case(rows(n, dim).generate(s), rows(n, dim).generate(s), temperature(s));
        };
    }

    /** Each row of {@code grad} multiplied by the norm of the same row of {@code raw}. */
    static double[][] timesRowNorms(double[][] grad, double[][] raw) {
        Checks.shape("gradient", grad, raw.length, raw[0].length);
        double[][] out = new double[grad.length][];
        for (int i = 0; i < grad.length; i++) {
            double norm = Math.sqrt(Tensors.dot(raw[i], raw[i]));
            out[i] = new double[grad[i].length];
            for (int d = 0; d < out[i].length; d++) out[i][d] = grad[i][d] * norm;
        }
        return out;
    }

    static double[][] permuteRows(double[][] m, int[] perm) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = m[perm[i]].clone();
        return out;
    }

    @Override
    public Class<InfoNce> contract() { return InfoNce.class; }

    @Override
    public List<Check<InfoNce>> checks() {
        return List.of(
            Check.<InfoNce>oracle("lossMatchesReference", ctx -> ctx.forAll(scaledCases(), c -> {
                double loss = pure("loss(queries, keys, temperature)", () -> ctx.subject().loss(c.queries(), c.keys(), c.temperature()),
                        c.queries(), c.keys());
                close("loss", ctx.oracle().loss(c.queries(), c.keys(), c.temperature()), loss);
            })).enforces("lossValue", "anyNorm", "pure").hint(LOSS_HINT),

            Check.<InfoNce>oracle("gradientsMatchReference", ctx -> ctx.forAll(scaledCases(), c -> {
                InfoNce.Gradients g = pure("gradients(queries, keys, temperature)",
                        () -> ctx.subject().gradients(c.queries(), c.keys(), c.temperature()), c.queries(), c.keys());
                InfoNce.Gradients e = ctx.oracle().gradients(c.queries(), c.keys(), c.temperature());
                // A row's gradient scales as 1 / (N temperature |row|) and may be a tiny difference of terms of that size:
                // compare |row| * gradient, of size <= 2 / temperature, to an absolute 1e-12 / temperature.
                Tolerance tol = Tolerance.of(1e-9, 1e-12 / c.temperature());
                close("|queries[i]| * dqueries[i]", timesRowNorms(e.dqueries(), c.queries()), timesRowNorms(g.dqueries(), c.queries()), tol);
                close("|keys[j]| * dkeys[j]", timesRowNorms(e.dkeys(), c.keys()), timesRowNorms(g.dkeys(), c.keys()), tol);
            })).enforces("gradientsValue", "anyNorm", "pure").hint(GRADIENT_HINT),

            Check.<InfoNce>invariant("gradientsAreNewArrays", ctx -> ctx.forAll(30, cases(), c -> {
                fresh("gradients(queries, keys, temperature).dqueries()",
                        () -> ctx.subject().gradients(c.queries(), c.keys(), c.temperature()).dqueries(), c.queries(), c.keys());
                fresh("gradients(queries, keys, temperature).dkeys()",
                        () -> ctx.subject().gradients(c.queries(), c.keys(), c.temperature()).dkeys(), c.queries(), c.keys());
            })).enforces("gradientsNewArrays")
                .hint("Allocate dqueries and dkeys inside each call: matrices kept in fields are overwritten by the next call."),

            Check.<InfoNce>stability("coldTemperaturesGiveFiniteAccurateResults", ctx -> ctx.forAll(30, coldCases(), c -> {
                double loss = ctx.subject().loss(c.queries(), c.keys(), c.temperature());
                finite("loss", loss);
                close("loss", ctx.oracle().loss(c.queries(), c.keys(), c.temperature()), loss, Tolerance.of(1e-9, 1e-9));
                InfoNce.Gradients g = ctx.subject().gradients(c.queries(), c.keys(), c.temperature());
                finite("dqueries", g.dqueries());
                finite("dkeys", g.dkeys());
            })).enforces("lossStable", "gradientsStable")
                .hint("At temperature 1e-3 the logits reach 1000 and exp(1000) is Infinity: subtract each row's max before exp."),

            Check.<InfoNce>example("handWorkedValues", ctx -> {
                ctx.example("queries = [[3, 4]], keys = [[-1, 0]], temperature = 0.1 (N = 1: the only key is the positive)", () -> {
                    close("loss (log_softmax of one logit is 0)", 0.0, ctx.subject().loss(new double[][] {{3, 4}}, new double[][] {{-1, 0}}, 0.1));
                    InfoNce.Gradients g = ctx.subject().gradients(new double[][] {{3, 4}}, new double[][] {{-1, 0}}, 0.1);
                    close("dqueries", new double[][] {{0, 0}}, g.dqueries());
                    close("dkeys", new double[][] {{0, 0}}, g.dkeys());
                });
                ctx.example("queries = [[1, 0], [0, 2]], keys = [[5, 0], [0, 1e-6]], temperature = 1 (orthogonal pairs, any norms)", () ->
                    close("loss (log(1 + exp(-1)))", Math.log1p(Math.exp(-1)),
                            ctx.subject().loss(new double[][] {{1, 0}, {0, 2}}, new double[][] {{5, 0}, {0, 1e-6}}, 1)));
                ctx.example("queries = [[1, 0], [1, 0]], keys = [[2, 0], [3, 0]], temperature = 0.5 (duplicate directions: every logit ties)", () -> {
                    close("loss (log 2)", Math.log(2), ctx.subject().loss(new double[][] {{1, 0}, {1, 0}}, new double[][] {{2, 0}, {3, 0}}, 0.5));
                    InfoNce.Gradients g = ctx.subject().gradients(new double[][] {{1, 0}, {1, 0}}, new double[][] {{2, 0}, {3, 0}}, 0.5);
                    close("dqueries (all rows parallel: the gradient has no component along them)", new double[][] {{0, 0}, {0, 0}}, g.dqueries());
                });
            }).enforces("lossValue", "gradientsValue", "anyNorm")
                .hint("With N = 1 the loss is 0 whatever the vectors; ties give log N; a row's norm never matters, not even 1e-6."),


            Check.<InfoNce>invariant("permutingThePairsLeavesTheLossUnchanged", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                return new Permuted(c.queries(), c.keys(), c.temperature(), Gens.permutations(c.queries().length).generate(s));
            }, c -> {
                double[][] q = permuteRows(c.queries(), c.permutation()), k = permuteRows(c.keys(), c.permutation());
                close("loss of the permuted batch", ctx.subject().loss(c.queries(), c.keys(), c.temperature()),
                        ctx.subject().loss(q, k, c.temperature()));
                InfoNce.Gradients g = ctx.subject().gradients(c.queries(), c.keys(), c.temperature());
                InfoNce.Gradients gp = ctx.subject().gradients(q, k, c.temperature());
                close("dqueries of the permuted batch (the permuted dqueries)", permuteRows(g.dqueries(), c.permutation()), gp.dqueries());
                close("dkeys of the permuted batch (the permuted dkeys)", permuteRows(g.dkeys(), c.permutation()), gp.dkeys());
            })).enforces("lossValue", "gradientsValue").hint("Pair i is (query i, key i): a batch is a set of pairs, their order cannot matter."),

            Check.<InfoNce>invariant("rescalingAnyRowChangesOnlyItsGradientScale", ctx -> ctx.forAll(s -> {
                Case c = cases().generate(s);
                int n = c.queries().length;
                Gen<Double> scale = Gens.doubles(0.1, 10).filter(v -> v > 0);
                return new Scaled(c.queries(), c.keys(), c.temperature(), Gens.vector(n, scale).generate(s), Gens.vector(n, scale).generate(s));
            }, c -> {
                int n = c.queries().length;
                double[][] q = new double[n][], k = new double[n][];
                for (int i = 0; i < n; i++) {
                    q[i] = c.queries()[i].clone();
                    k[i] = c.keys()[i].clone();
                    for (int d = 0; d < q[i].length; d++) { q[i][d] *= c.queryScales()[i]; k[i][d] *= c.keyScales()[i]; }
                }
                close("loss with rows rescaled (cosine similarity ignores the norms)",
                        ctx.subject().loss(c.queries(), c.keys(), c.temperature()), ctx.subject().loss(q, k, c.temperature()));
                InfoNce.Gradients g = ctx.subject().gradients(c.queries(), c.keys(), c.temperature());
                shape("dqueries", g.dqueries(), n, c.queries()[0].length);
                shape("dkeys", g.dkeys(), n, c.keys()[0].length);
                InfoNce.Gradients gs = ctx.subject().gradients(q, k, c.temperature());
                for (int i = 0; i < n; i++) {
                    close("dqueries[" + i + "] . queries[" + i + "] (the gradient of a scale-invariant loss is orthogonal to the row)",
                            0.0, Tensors.dot(g.dqueries()[i], c.queries()[i]));
                    close("dkeys[" + i + "] . keys[" + i + "]", 0.0, Tensors.dot(g.dkeys()[i], c.keys()[i]));
                    for (int d = 0; d < q[i].length; d++) {
                        close("dqueries[" + i + "][" + d + "] after scaling row " + i + " by " + c.queryScales()[i] + " (divided by the scale)",
                                g.dqueries()[i][d] / c.queryScales()[i], gs.dqueries()[i][d]);
                        close("dkeys[" + i + "][" + d + "] after scaling row " + i + " by " + c.keyScales()[i] + " (divided by the scale)",
                                g.dkeys()[i][d] / c.keyScales()[i], gs.dkeys()[i][d]);
                    }
                }
            })).enforces("lossValue", "gradientsValue", "anyNorm").hint("Cosine, not dot product: normalise each row first, and back-propagate through the normalisation (x / |x|)."),

            Check.<InfoNce>invariant("orthogonalPairsGiveTheClosedForm", ctx -> ctx.forAll(s -> {
                int n = s.intBetween(1, 5);
                int dim = s.intBetween(n, 6);
                int[] axis = Gens.permutations(dim).generate(s);
                Gen<Double> scale = Gens.doubles(0.2, 5).filter(v -> v > 0);
                double[][] q = new double[n][dim], k = new double[n][dim];
                for (int i = 0; i < n; i++) {
                    q[i][axis[i]] = scale.generate(s);
                    k[i][axis[i]] = scale.generate(s);
                }
                return new Case(q, k, temperature(s));
            }, c -> {
                // cos(q_i, k_j) is 1 for i = j and 0 otherwise, so every row loss is log(1 + (N - 1) exp(-1 / temperature)).
                int n = c.queries().length;
                double expected = Math.log1p((n - 1) * Math.exp(-1 / c.temperature()));
                close("loss (cos = identity matrix: log(1 + (N - 1) exp(-1/temperature)))", expected,
                        ctx.subject().loss(c.queries(), c.keys(), c.temperature()));
            })).enforces("lossValue").hint("The logits are cos(q_i, k_j) / temperature: divide by the temperature, after normalising."),

            Check.<InfoNce>gradcheck("gradientsAgreeWithCentralDifferences", ctx -> ctx.forAll(30, cases(), c -> {
                int n = c.queries().length, dim = c.queries()[0].length;
                InfoNce.Gradients g = ctx.subject().gradients(c.queries(), c.keys(), c.temperature());
                GradCheck.check("dqueries", Tensors.flat(c.queries()),
                        x -> ctx.subject().loss(Tensors.matrix(x, n, dim), c.keys(), c.temperature()), Tensors.flat(g.dqueries()));
                GradCheck.check("dkeys", Tensors.flat(c.keys()),
                        x -> ctx.subject().loss(c.queries(), Tensors.matrix(x, n, dim), c.temperature()), Tensors.flat(g.dkeys()));
            })).enforces("gradientsValue").hint("Key j appears in every row: as the positive of row j and as a negative of the others. Sum all contributions."),

            Check.<InfoNce>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[][] q = g.input().mat("queries"), k = g.input().mat("keys");
                        double t = g.input().num("temperature");
                        close("loss", g.output().num("loss"), ctx.subject().loss(q, k, t));
                        InfoNce.Gradients grads = ctx.subject().gradients(q, k, t);
                        close("dqueries", g.output().mat("dqueries"), grads.dqueries());
                        close("dkeys", g.output().mat("dkeys"), grads.dkeys());
                    });
                }
            }).enforces("lossValue", "gradientsValue").hint("These are PyTorch's values and autograd gradients on the case shown.")
        );
    }
}
