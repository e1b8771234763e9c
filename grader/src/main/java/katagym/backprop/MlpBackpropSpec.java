package katagym.backprop;

import static katagym.grader.check.Checks.close;
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

public final class MlpBackpropSpec implements KataSpec<MlpBackprop> {

    /** A batch, its class targets, and the parameters of both layers. */
    record Case(double[][] x, int[] targets, double[][] w1, double[] b1, double[][] w2, double[] b2) {
        MlpBackprop.Result run(MlpBackprop m) { return m.lossAndGradients(x, targets, w1, b1, w2, b2); }
        Case withW1(double[][] w) { return new Case(x, targets, w, b1, w2, b2); }
        Case withB1(double[] b) { return new Case(x, targets, w1, b, w2, b2); }
        Case withW2(double[][] w) { return new Case(x, targets, w1, b1, w, b2); }
        Case withB2(double[] b) { return new Case(x, targets, w1, b1, w2, b); }
    }

    static Gen<Case> cases(Gen<Double> inputs, Gen<Double> weights) {
        return s -> {
            int n = s.intBetween(1, 4), in = s.intBetween(1, 4), hidden = s.intBetween(1, 4), classes = s.intBetween(2, 4);
            double[][] x = Gens.matrix(n, in, inputs).generate(s);
            int[] t = new int[n];
            for (int r = 0; r < n; r++) t[r] = s.intBetween(0, classes - 1);
            return new Case(x, t, Gens.matrix(hidden, in, weights).generate(s), Gens.vector(hidden, weights).generate(s),
                    Gens.matrix(classes, hidden, weights).generate(s), Gens.vector(classes, weights).generate(s));
        };
    }

    /** Smallest |z1| over the batch: the distance of the hidden layer from the ReLU kink. */
    static double kinkDistance(Case c) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] row : c.x()) {
            for (int k = 0; k < c.w1().length; k++) {
                double z = c.b1()[k];
                for (int i = 0; i < row.length; i++) z += row[i] * c.w1()[k][i];
                min = Math.min(min, Math.abs(z));
            }
        }
        return min;
    }

    /** Batches of two or more, every pre-activation at least 1e-2 from the kink (central differences move it by ~1e-6). */
    static Gen<Case> smooth() {
        return cases(Gens.doubles(-2, 2), Gens.doubles(-1.5, 1.5)).filter(c -> c.x().length >= 2 && kinkDistance(c) > 1e-2);
    }

    static Check<MlpBackprop> gradient(String name, String what, Function<Case, double[]> param,
                                       java.util.function.BiFunction<Case, double[], Case> with,
                                       Function<MlpBackprop.Result, double[]> grad) {
        return Check.<MlpBackprop>gradcheck(name, ctx -> ctx.forAll(40, smooth(), c -> {
            double[] analytic = grad.apply(c.run(ctx.subject()));
            GradCheck.check(what, param.apply(c), p -> with.apply(c, p).run(ctx.subject()).loss(), analytic);
        }));
    }

    /** The spec's own stable mean cross-entropy of the network (log-sum-exp with the row maximum subtracted). */
    static double loss(Case c) {
        double total = 0;
        for (int r = 0; r < c.x().length; r++) {
            double[] h = new double[c.w1().length];
            for (int k = 0; k < h.length; k++) {
                double z = c.b1()[k];
                for (int i = 0; i < c.x()[r].length; i++) z += c.w1()[k][i] * c.x()[r][i];
                h[k] = Math.max(0, z);
            }
            double[] logits = new double[c.w2().length];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < logits.length; j++) {
                double z = c.b2()[j];
                for (int k = 0; k < h.length; k++) z += c.w2()[j][k] * h[k];
                max = Math.max(max, logits[j] = z);
            }
            double sum = 0;
            for (double l : logits) sum += Math.exp(l - max);
            total += max + Math.log(sum) - logits[c.targets()[r]];
        }
        return total / c.x().length;
    }

    /** A case whose output layer is multiplied by {@code factor}, so that logits reach the hundreds (and 1e3). */
    record ScaledCase(Case c, double factor) {
        Case scaled() {
            double[][] w2 = new double[c.w2().length][];
            double[] b2 = c.b2().clone();
            for (int j = 0; j < w2.length; j++) {
                w2[j] = c.w2()[j].clone();
                for (int k = 0; k < w2[j].length; k++) w2[j][k] *= factor;
                b2[j] *= factor;
            }
            return c.withW2(w2).withB2(b2);
        }
    }

    @Override
    public Class<MlpBackprop> contract() { return MlpBackprop.class; }

    @Override
    public List<Check<MlpBackprop>> checks() {
        return List.of(
            Check.<MlpBackprop>oracle("lossAndGradientsMatchReference", ctx -> ctx.forAll(cases(Gens.doubles(), Gens.doubles(-3, 3)), c -> {
                MlpBackprop.Result want = c.run(ctx.oracle());
                MlpBackprop.Result got = pure("lossAndGradients(x, targets, w1, b1, w2, b2)", () -> c.run(ctx.subject()),
                        c.x(), c.targets(), c.w1(), c.b1(), c.w2(), c.b2());
                close("loss", want.loss(), got.loss());
                close("dw1", want.dw1(), got.dw1());
                close("db1", want.db1(), got.db1());
                close("dw2", want.dw2(), got.dw2());
                close("db2", want.db2(), got.db2());
            })).enforces("lossValue", "gradients", "pure").hint("Forward keeping z1, h and the probabilities; backward: dlogits = (p - onehot) / n, then the linear-layer rules twice with the ReLU mask between."),

            gradient("dw1AgreesWithCentralDifferences", "dw1", c -> Tensors.flat(c.w1()),
                    (c, p) -> c.withW1(Tensors.matrix(p, c.w1().length, c.w1()[0].length)), r -> Tensors.flat(r.dw1()))
                .enforces("gradients").hint("dz1 = (dlogits W2) * relu'(z1), then dW1 = dz1^T x: the same rule as a single linear layer."),
            gradient("db1AgreesWithCentralDifferences", "db1", Case::b1, Case::withB1, MlpBackprop.Result::db1)
                .enforces("gradients").hint("db1 sums dz1 over every row of the batch."),
            gradient("dw2AgreesWithCentralDifferences", "dw2", c -> Tensors.flat(c.w2()),
                    (c, p) -> c.withW2(Tensors.matrix(p, c.w2().length, c.w2()[0].length)), r -> Tensors.flat(r.dw2()))
                .enforces("gradients").hint("For a mean cross-entropy, dLoss/dlogits = (softmax(logits) - onehot(target)) / n; dW2 = dlogits^T h with h = relu(z1), not z1."),
            gradient("db2AgreesWithCentralDifferences", "db2", Case::b2, Case::withB2, MlpBackprop.Result::db2)
                .enforces("gradients").hint("db2 = column sums of dlogits = sum over rows of (softmax - onehot) / n."),

            Check.<MlpBackprop>invariant("zeroOutputLayerGivesLogCAndClosedFormGradients", ctx -> ctx.forAll(cases(Gens.doubles(-3, 3), Gens.doubles(-2, 2)), c0 -> {
                int classes = c0.w2().length, hidden = c0.w1().length, n = c0.x().length;
                Case c = c0.withW2(new double[classes][hidden]).withB2(new double[classes]);
                MlpBackprop.Result r = c.run(ctx.subject());
                close("loss with W2 = 0, b2 = 0 (uniform prediction: log(classes))", Math.log(classes), r.loss());
                double[] db2 = new double[classes];
                for (int j = 0; j < classes; j++) db2[j] = 1.0 / classes;
                for (int t : c.targets()) db2[t] -= 1.0 / n;
                close("db2 (= 1/classes - share of the batch in each class)", db2, r.db2(), Tolerance.of(1e-9, 1e-14));
                close("db1 (nothing flows back through W2 = 0)", new double[hidden], r.db1());
                close("dw1 (nothing flows back through W2 = 0)", new double[hidden][c.x()[0].length], r.dw1());
            })).enforces("lossValue", "gradients").hint("The loss is the MEAN over the batch: every gradient carries the 1/n, and dLoss/dlogits subtracts the one-hot target."),

            Check.<MlpBackprop>invariant("deadHiddenUnitGetsNoGradient", ctx -> ctx.forAll(cases(Gens.doubles(-3, 3), Gens.doubles(-2, 2)), c0 -> {
                int hidden = c0.w1().length, in = c0.x()[0].length, classes = c0.w2().length;
                double[][] w1 = Tensors.matrix(Tensors.flat(c0.w1()), hidden, in);
                double[] b1 = c0.b1().clone();
                int k = hidden - 1;
                w1[k] = new double[in];
                b1[k] = 0;
                Case c = c0.withW1(w1).withB1(b1);
                MlpBackprop.Result r = c.run(ctx.subject());
                shape("dw1", r.dw1(), hidden, in);
                shape("dw2", r.dw2(), classes, hidden);
                for (int i = 0; i < in; i++) close("dw1[" + k + "][" + i + "] (unit " + k + " has z1 = 0 on every row)", 0.0, r.dw1()[k][i]);
                close("db1[" + k + "] (unit " + k + " has z1 = 0 on every row)", 0.0, r.db1()[k]);
                for (int j = 0; j < classes; j++) close("dw2[" + j + "][" + k + "] (unit " + k + " outputs 0)", 0.0, r.dw2()[j][k]);
            })).enforces("reluKink").hint("relu'(0) is taken as 0 (PyTorch): the gradient passes only where z1 > 0, strictly."),

            Check.<MlpBackprop>invariant("logitBiasGradientSumsToZero", ctx -> ctx.forAll(cases(Gens.doubles(), Gens.doubles(-3, 3)), c -> {
                double[] db2 = c.run(ctx.subject()).db2();
                double sum = 0;
                for (double v : db2) sum += v;
                double total = sum;
                that(Math.abs(total) <= 1e-12, () -> "sum of db2 = " + total + ", expected 0: softmax sums to 1 and so does the one-hot target");
            })).enforces("gradients").hint("Each row's softmax sums to 1 and so does its one-hot target: db2 must sum to 0."),

            Check.<MlpBackprop>stability("finiteAndExactForLogitsOfAThousand", ctx -> ctx.forAll(40, s ->
                    new ScaledCase(cases(Gens.doubles(-2, 2), Gens.doubles(-2, 2)).generate(s), Gens.oneOf(100.0, 300.0, 1000.0).generate(s)), sc -> {
                Case c = sc.scaled();
                MlpBackprop.Result r = c.run(ctx.subject());
                that(r != null, "lossAndGradients returned null");
                that(Double.isFinite(r.loss()), () -> "loss = " + r.loss() + " with the output layer times " + sc.factor() + ": not finite");
                // absolute 1e-9 too: a loss of 1e-6 left over from logits near 1e4 keeps only ~1e-12 of absolute precision
                close("loss with the output layer times " + sc.factor() + " (vs a max-subtracted log-sum-exp)", loss(c), r.loss(), Tolerance.of(1e-9, 1e-9));
                finite("dw1", r.dw1());
                finite("db1", r.db1());
                finite("dw2", r.dw2());
                finite("db2", r.db2());
            })).enforces("stable").hint("loss = max + log(sum exp(logits - max)) - logits[target]: never exp of a raw logit, and never log of a probability that underflowed to 0."),

            Check.<MlpBackprop>example("handWorkedEdgeCases", ctx -> {
                double[][] x = {{1}};
                double[][] w1 = {{1}, {-1}};
                double[] b1 = {0, 0};
                ctx.example("logits [1000, 0]: x = [[1]], w1 = [[1], [-1]], w2 = [[1000, 5], [0, 5]], target 1", () -> {
                    MlpBackprop.Result r = ctx.subject().lossAndGradients(x, new int[] {1}, w1, b1, new double[][] {{1000, 5}, {0, 5}}, new double[] {0, 0});
                    close("loss (= 1000 + log(1 + e^-1000) = 1000)", 1000.0, r.loss());
                    close("db2 (= softmax - onehot = [1, -1])", new double[] {1, -1}, r.db2());
                    close("dw1 (= [[1000], [0]]: the second unit has z1 = -1, dead)", new double[][] {{1000}, {0}}, r.dw1());
                });
                ctx.example("logits [1000, 0], target 0: the loss is log(1 + e^-1000), 0 in double", () -> {
                    MlpBackprop.Result r = ctx.subject().lossAndGradients(x, new int[] {0}, w1, b1, new double[][] {{1000, 5}, {0, 5}}, new double[] {0, 0});
                    close("loss", 0.0, r.loss());
                });
                ctx.example("a unit exactly at the kink: x = [[0]], b1 = [0, 0]", () -> {
                    MlpBackprop.Result r = ctx.subject().lossAndGradients(new double[][] {{0}}, new int[] {0}, w1, b1,
                            new double[][] {{1, 1}, {0, 0}}, new double[] {0, 0});
                    close("loss (h = 0, logits [0, 0]: log 2)", Math.log(2), r.loss());
                    close("db1 (relu'(0) = 0: no gradient through z1 = 0)", new double[] {0, 0}, r.db1());
                });
            }).enforces("lossValue", "gradients", "reluKink", "stable")
                .hint("Logits 1000 apart: the loss is the gap (or 0), finite either way; relu'(0) = 0 means a unit at exactly 0 learns nothing."),

            Check.<MlpBackprop>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        var in = g.input();
                        MlpBackprop.Result r = ctx.subject().lossAndGradients(in.mat("x"), in.ints("targets"),
                                in.mat("w1"), in.vec("b1"), in.mat("w2"), in.vec("b2"));
                        close("loss", g.output().num("loss"), r.loss());
                        close("dw1", g.output().mat("dw1"), r.dw1());
                        close("db1", g.output().vec("db1"), r.db1());
                        close("dw2", g.output().mat("dw2"), r.dw2());
                        close("db2", g.output().vec("db2"), r.db2());
                    });
                }
            }).enforces("lossValue", "gradients").hint("These are PyTorch's loss and gradients: compare each tensor on the case shown, starting with the loss.")
        );
    }
}
