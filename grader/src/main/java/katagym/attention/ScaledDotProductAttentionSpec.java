package katagym.attention;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import java.util.function.Function;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class ScaledDotProductAttentionSpec implements KataSpec<ScaledDotProductAttention> {

    /** Queries, keys, values, whether the mask is causal, and the gradient flowing into the output. */
    record Case(double[][] q, double[][] k, double[][] v, boolean causal, double[][] upstream) {}

    /** A case and replacement rows for the keys and values after position {@code t}. */
    record FutureCase(Case c, int t, double[][] newK, double[][] newV) {}

    static Gen<Case> cases(Gen<Double> qValues, Gen<Double> kValues) {
        return s -> {
            int n = s.intBetween(1, 5), m = s.intBetween(1, 5), dk = s.intBetween(1, 4), dv = s.intBetween(1, 3);
            boolean causal = s.choice(1) == 1;
            double[][] q = Gens.matrix(n, dk, qValues).generate(s);
            double[][] k = Gens.matrix(m, dk, kValues).generate(s);
            double[][] v = Gens.matrix(m, dv, Gens.doubles(-3, 3)).generate(s);
            double[][] up = Gens.matrix(n, dv, Gens.doubles(-2, 2)).generate(s);
            return new Case(q, k, v, causal, up);
        };
    }

    static Gen<Case> ordinary() { return cases(Gens.doubles(), Gens.doubles()); }

    static Gen<Case> moderate() { return cases(Gens.doubles(-2, 2), Gens.doubles(-2, 2)); }

    static final Tolerance LOOSE = Tolerance.of(1e-9, 1e-9);

    /** Relative accuracy for every weight, however small; only subnormals (below 1e-300) may differ absolutely. */
    static final Tolerance RELATIVE = Tolerance.of(1e-9, 1e-300);

    static final String FORWARD_HINT = "out = P v with P = softmax over each row of q k^T / sqrt(dk); check the axis, the scale and the mask.";
    static final String WEIGHTS_HINT = "P[i][j] = exp(s_ij - max_j s_ij) / sum_j exp(s_ij - max_j s_ij): keep every term, however small (no cut-off), and divide by sqrt(dk) with dk = q[0].length.";
    static final String BACKWARD_HINT = "dV = P^T dO; dP = dO v^T; dS = P * (dP - rowsum(P * dP)); dq = dS k / sqrt(dk), dk = dS^T q / sqrt(dk) with dk = q[0].length (not dv).";

    /** q = [[1, 0], [0, 1]], k = [[1, 0], [1, 1]], v = [[1, 2], [3, 4]]: the statement's worked example. */
    static final double[][] EX_Q = {{1, 0}, {0, 1}}, EX_K = {{1, 0}, {1, 1}}, EX_V = {{1, 2}, {3, 4}};

    @Override
    public Class<ScaledDotProductAttention> contract() { return ScaledDotProductAttention.class; }

    /** A gradient check of one argument: the loss is {@code <upstream, forward(...)>} of the subject. */
    private static Check<ScaledDotProductAttention> gradOf(String name, String what, int which) {
        return Check.<ScaledDotProductAttention>gradcheck(name, ctx -> ctx.forAll(20, moderate(), c -> {
            double[][] x = which == 0 ? c.q() : which == 1 ? c.k() : c.v();
            Function<double[][], double[][]> fwd = m -> which == 0 ? ctx.subject().forward(m, c.k(), c.v(), c.causal())
                    : which == 1 ? ctx.subject().forward(c.q(), m, c.v(), c.causal())
                    : ctx.subject().forward(c.q(), c.k(), m, c.causal());
            ScaledDotProductAttention.Grads g = ctx.subject().backward(c.q(), c.k(), c.v(), c.causal(), c.upstream());
            that(g != null, "backward returned null");
            double[][] analytic = which == 0 ? g.dq() : which == 1 ? g.dk() : g.dv();
            shape(what, analytic, x.length, x[0].length);
            GradCheck.check(what, Tensors.flat(x),
                    f -> Tensors.dot(c.upstream(), fwd.apply(Tensors.matrix(f, x.length, x[0].length))),
                    Tensors.flat(analytic));
        }));
    }

    @Override
    public List<Check<ScaledDotProductAttention>> checks() {
        return List.of(
            Check.<ScaledDotProductAttention>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(Gens.logits(), Gens.doubles(-2, 2)), c ->
                close("out", ctx.oracle().forward(c.q(), c.k(), c.v(), c.causal()),
                        pure("forward(q, k, v, causal)", () -> ctx.subject().forward(c.q(), c.k(), c.v(), c.causal()),
                                c.q(), c.k(), c.v()))))
                .enforces("forwardValue", "newArrays", "anyShape").hint(FORWARD_HINT),

            Check.<ScaledDotProductAttention>oracle("weightsMatchReference", ctx -> ctx.forAll(ordinary(), c ->
                close("P (relative 1e-9 for every weight, tiny ones included)", ctx.oracle().weights(c.q(), c.k(), c.causal()),
                        pure("weights(q, k, causal)", () -> ctx.subject().weights(c.q(), c.k(), c.causal()), c.q(), c.k()), RELATIVE)))
                .enforces("weightsValue", "weightsRelative", "newArrays", "anyShape").hint(WEIGHTS_HINT),

            Check.<ScaledDotProductAttention>oracle("backwardMatchesReference", ctx -> ctx.forAll(ordinary(), c -> {
                ScaledDotProductAttention.Grads e = ctx.oracle().backward(c.q(), c.k(), c.v(), c.causal(), c.upstream());
                ScaledDotProductAttention.Grads a = pure("backward(q, k, v, causal, upstream)",
                        () -> ctx.subject().backward(c.q(), c.k(), c.v(), c.causal(), c.upstream()),
                        c.q(), c.k(), c.v(), c.upstream());
                that(a != null, "backward returned null");
                close("dq", e.dq(), a.dq());
                close("dk", e.dk(), a.dk());
                close("dv", e.dv(), a.dv());
            })).enforces("backwardValue", "newArrays").hint(BACKWARD_HINT),

            Check.<ScaledDotProductAttention>invariant("weightRowsAreDistributionsThatRespectTheMask", ctx -> ctx.forAll(ordinary(), c -> {
                double[][] p = ctx.subject().weights(c.q(), c.k(), c.causal());
                shape("P", p, c.q().length, c.k().length);
                for (int i = 0; i < p.length; i++) {
                    double sum = 0;
                    for (int j = 0; j < p[i].length; j++) {
                        int a = i, b = j;
                        that(p[i][j] >= 0 && p[i][j] <= 1, () -> "P[" + a + "][" + b + "] = " + p[a][b] + " is not a probability");
                        if (c.causal() && j > i) {
                            that(p[i][j] == 0, () -> "causal: query " + a + " attends to the later key " + b + " (P = " + p[a][b] + ")");
                        }
                        sum += p[i][j];
                    }
                    close("sum of row " + i + " of P (must be 1: softmax runs over the keys)", 1.0, sum);
                }
            })).enforces("weightsValue", "weightsMask").hint("Softmax runs along each row (over the keys j for a fixed query i), so every row of P sums to 1."),

            Check.<ScaledDotProductAttention>invariant("logRatiosOfWeightsAreScaledScoreDifferences", ctx -> ctx.forAll(moderate(), c -> {
                double[][] p = ctx.subject().weights(c.q(), c.k(), c.causal());
                shape("P", p, c.q().length, c.k().length);
                int dk = c.q()[0].length;
                for (int i = 0; i < p.length; i++) {
                    int last = c.causal() ? Math.min(i, c.k().length - 1) : c.k().length - 1;
                    for (int j = 1; j <= last; j++) {
                        double expected = (Tensors.dot(c.q()[i], c.k()[j]) - Tensors.dot(c.q()[i], c.k()[0])) / Math.sqrt(dk);
                        close("log(P[" + i + "][" + j + "] / P[" + i + "][0]) (must be (q_i.k_j - q_i.k_0) / sqrt(" + dk + "))",
                                expected, Math.log(p[i][j] / p[i][0]), LOOSE);
                    }
                }
            })).enforces("weightsValue").hint("The scores are q_i . k_j divided by sqrt(dk), the key/query dimension (q[0].length): not by dk, not by dv."),

            Check.<ScaledDotProductAttention>invariant("outputIsTheWeightedSumOfValues", ctx -> ctx.forAll(ordinary(), c -> {
                double[][] p = ctx.subject().weights(c.q(), c.k(), c.causal());
                double[][] out = ctx.subject().forward(c.q(), c.k(), c.v(), c.causal());
                shape("out", out, c.q().length, c.v()[0].length);
                double[][] pv = new double[out.length][out[0].length];
                for (int i = 0; i < pv.length; i++)
                    for (int j = 0; j < c.k().length; j++)
                        for (int d = 0; d < pv[i].length; d++) pv[i][d] += p[i][j] * c.v()[j][d];
                close("out (must equal weights(q, k) times v)", pv, out, LOOSE);
            })).enforces("forwardValue").hint("forward must be weights(q, k, causal) times v: the same P, multiplied by the values, shape [n][dv]."),

            Check.<ScaledDotProductAttention>invariant("causalOutputIgnoresLaterKeysAndValues", ctx -> ctx.forAll(s -> {
                Case c = ordinary().generate(s);
                int m = c.k().length;
                int t = s.intBetween(0, m - 1);
                double[][] nk = c.k().clone(), nv = c.v().clone();
                for (int j = t + 1; j < m; j++) {
                    nk[j] = Gens.vector(nk[j].length, Gens.doubles(-10, 10)).generate(s);
                    nv[j] = Gens.vector(nv[j].length, Gens.doubles(-10, 10)).generate(s);
                }
                return new FutureCase(new Case(c.q(), c.k(), c.v(), true, c.upstream()), t, nk, nv);
            }, fc -> {
                Case c = fc.c();
                double[][] before = ctx.subject().forward(c.q(), c.k(), c.v(), true);
                double[][] after = ctx.subject().forward(c.q(), fc.newK(), fc.newV(), true);
                for (int i = 0; i <= Math.min(fc.t(), c.q().length - 1); i++) {
                    close("causal out[" + i + "] after changing keys/values after position " + fc.t(), before[i], after[i]);
                }
            })).enforces("weightsMask", "forwardValue").hint("Causal means query i sees keys 0..i: itself included, nothing after it."),

            gradOf("dqAgreesWithCentralDifferences", "dq", 0).enforces("backwardValue")
                .hint("dq = dS k / sqrt(dk): the scale that multiplied the scores multiplies their gradient; dS = P * (dP - rowsum(P * dP))."),
            gradOf("dkAgreesWithCentralDifferences", "dk", 1).enforces("backwardValue")
                .hint("dk = dS^T q / sqrt(dk): key j collects from every query that attends to it (a sum over i), masked pairs contribute 0."),
            gradOf("dvAgreesWithCentralDifferences", "dv", 2).enforces("backwardValue")
                .hint("dV = P^T dO: value j receives upstream_i weighted by P[i][j], summed over the queries i."),

            Check.<ScaledDotProductAttention>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[][] q = g.input().mat("q"), k = g.input().mat("k"), v = g.input().mat("v");
                        boolean causal = g.input().bool("causal");
                        close("out", g.output().mat("out"), ctx.subject().forward(q, k, v, causal));
                        ScaledDotProductAttention.Grads gr = ctx.subject().backward(q, k, v, causal, g.input().mat("upstream"));
                        that(gr != null, "backward returned null");
                        close("dq", g.output().mat("dq"), gr.dq());
                        close("dk", g.output().mat("dk"), gr.dk());
                        close("dv", g.output().mat("dv"), gr.dv());
                    });
                }
            }).enforces("forwardValue", "backwardValue").hint("These are PyTorch's scaled_dot_product_attention values and gradients: compare your formulas on the case shown."),

            Check.<ScaledDotProductAttention>example("handWorkedEdgeCases", ctx -> {
                ScaledDotProductAttention a = ctx.subject();
                ctx.example("the worked example: q = [[1,0],[0,1]], k = [[1,0],[1,1]], v = [[1,2],[3,4]]", () -> {
                    double p1 = 1 / (1 + Math.exp(-Math.sqrt(0.5)));
                    close("weights(not causal)", new double[][] {{0.5, 0.5}, {1 - p1, p1}}, a.weights(EX_Q, EX_K, false));
                    equal("weights(causal)[0] (query 0 sees key 0 only)", new double[] {1.0, 0.0}, a.weights(EX_Q, EX_K, true)[0]);
                    close("forward(not causal)", new double[][] {{2, 3}, {1 + 2 * p1, 2 + 2 * p1}}, a.forward(EX_Q, EX_K, EX_V, false));
                    ScaledDotProductAttention.Grads g = a.backward(EX_Q, EX_K, EX_V, false, new double[][] {{1, 0}, {0, 1}});
                    that(g != null, "backward returned null");
                    close("dv", new double[][] {{0.5, 1 - p1}, {0.5, p1}}, g.dv());
                    close("dq[0] (= [0, 2 * 0.25 / sqrt 2])", new double[] {0, 0.5 / Math.sqrt(2)}, g.dq()[0]);
                });
                ctx.example("one query, one key: q = [[3]], k = [[-2]], v = [[5, 6, 7]] (dk = 1, dv = 3)", () -> {
                    double[][] q = {{3}}, k = {{-2}}, v = {{5, 6, 7}};
                    equal("weights", new double[][] {{1.0}}, a.weights(q, k, true));
                    close("forward", new double[][] {{5, 6, 7}}, fresh("forward(q, k, v)", () -> a.forward(q, k, v, false), q, k, v));
                    ScaledDotProductAttention.Grads g = a.backward(q, k, v, false, new double[][] {{1, 1, 1}});
                    that(g != null, "backward returned null");
                    close("dq (one key: the weight is 1 whatever the score)", new double[][] {{0}}, g.dq());
                    close("dv", new double[][] {{1, 1, 1}}, g.dv());
                });
                ctx.example("a tiny weight: q = [[1]], k = [[0], [40]] (P[0][0] = 1 / (1 + e^40))", () -> {
                    double[][] p = a.weights(new double[][] {{1}}, new double[][] {{0}, {40}}, false);
                    close("P[0][0] (relative: e^-40 is not 0)", 1 / (1 + Math.exp(40)), p[0][0], Tolerance.of(1e-9, 0));
                });
                ctx.example("causal with more queries than keys: q = [[0], [0], [0]], k = [[1], [2]], v = [[1], [3]]", () -> {
                    close("forward (queries 1 and 2 see both keys, equally weighted at score 0)", new double[][] {{1}, {2}, {2}},
                            a.forward(new double[][] {{0}, {0}, {0}}, new double[][] {{1}, {2}}, new double[][] {{1}, {3}}, true));
                });
            }).enforces("weightsValue", "weightsMask", "weightsRelative", "forwardValue", "backwardValue", "anyShape", "newArrays")
                .hint("Work the smallest cases by hand: one key gets weight 1, causal query i sees keys 0..i (all of them when i >= m), and e^-40 is a weight too."),

            Check.<ScaledDotProductAttention>invariant("resultsAreNewArrays", ctx -> ctx.forAll(ordinary(), c -> {
                fresh("weights(q, k, causal)", () -> ctx.subject().weights(c.q(), c.k(), c.causal()), c.q(), c.k());
                fresh("forward(q, k, v, causal)", () -> ctx.subject().forward(c.q(), c.k(), c.v(), c.causal()), c.q(), c.k(), c.v());
                fresh("backward(q, k, v, causal, upstream)", () -> {
                    ScaledDotProductAttention.Grads g = ctx.subject().backward(c.q(), c.k(), c.v(), c.causal(), c.upstream());
                    return new Object[] {g.dq(), g.dk(), g.dv()};   // fresh looks inside arrays, not records
                }, c.q(), c.k(), c.v(), c.upstream());
            })).enforces("newArrays")
                .hint("Allocate every result inside the call: returning v (or a row of it) when there is one key, or a field reused across calls, lets the caller's writes corrupt data."),

            Check.<ScaledDotProductAttention>stability("finiteForScoresOfAThousand", ctx -> ctx.forAll(cases(Gens.extremes(), Gens.doubles(-2, 2)), c -> {
                double[][] out = ctx.subject().forward(c.q(), c.k(), c.v(), c.causal());
                finite("out", out);
                close("out (vs a max-subtracted softmax)", AttentionChecks.sdpa(c.q(), c.k(), c.v(), c.causal()), out, LOOSE);
                double[][] p = ctx.subject().weights(c.q(), c.k(), c.causal());
                finite("P", p);
                ScaledDotProductAttention.Grads g = ctx.subject().backward(c.q(), c.k(), c.v(), c.causal(), c.upstream());
                that(g != null, "backward returned null");
                finite("dq", g.dq());
                finite("dk", g.dk());
                finite("dv", g.dv());
            })).enforces("stable").hint("exp(1000) is Infinity: subtract each row's maximum score before exponentiating.")
        );
    }
}
