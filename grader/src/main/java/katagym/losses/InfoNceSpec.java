package katagym.losses;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Source;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class InfoNceSpec implements KataSpec<InfoNce> {

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

    static Gen<Case> cases() {
        return s -> {
            int dim = s.intBetween(1, 5);
            int n = s.intBetween(1, 5);
            return new Case(rows(n, dim).generate(s), rows(n, dim).generate(s), temperature(s));
        };
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
            Check.<InfoNce>oracle("lossMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double loss = pure("loss(queries, keys, temperature)", () -> ctx.subject().loss(c.queries(), c.keys(), c.temperature()),
                        c.queries(), c.keys());
                close("loss", ctx.oracle().loss(c.queries(), c.keys(), c.temperature()), loss);
            })),

            Check.<InfoNce>oracle("gradientsMatchReference", ctx -> ctx.forAll(cases(), c -> {
                InfoNce.Gradients g = pure("gradients(queries, keys, temperature)",
                        () -> ctx.subject().gradients(c.queries(), c.keys(), c.temperature()), c.queries(), c.keys());
                InfoNce.Gradients e = ctx.oracle().gradients(c.queries(), c.keys(), c.temperature());
                close("dqueries", e.dqueries(), g.dqueries());
                close("dkeys", e.dkeys(), g.dkeys());
            })),

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
            })).hint("Pair i is (query i, key i): a batch is a set of pairs, their order cannot matter."),

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
            })).hint("Cosine, not dot product: normalise each row first, and back-propagate through the normalisation (x / |x|)."),

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
            })).hint("The logits are cos(q_i, k_j) / temperature: divide by the temperature, after normalising."),

            Check.<InfoNce>gradcheck("gradientsAgreeWithCentralDifferences", ctx -> ctx.forAll(30, cases(), c -> {
                int n = c.queries().length, dim = c.queries()[0].length;
                InfoNce.Gradients g = ctx.subject().gradients(c.queries(), c.keys(), c.temperature());
                GradCheck.check("dqueries", Tensors.flat(c.queries()),
                        x -> ctx.subject().loss(Tensors.matrix(x, n, dim), c.keys(), c.temperature()), Tensors.flat(g.dqueries()));
                GradCheck.check("dkeys", Tensors.flat(c.keys()),
                        x -> ctx.subject().loss(c.queries(), Tensors.matrix(x, n, dim), c.temperature()), Tensors.flat(g.dkeys()));
            })).hint("Key j appears in every row: as the positive of row j and as a negative of the others. Sum all contributions."),

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
            })
        );
    }
}
