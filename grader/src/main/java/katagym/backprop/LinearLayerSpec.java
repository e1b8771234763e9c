package katagym.backprop;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;

import java.util.List;
import katagym.grader.check.GradCheck;
import katagym.grader.check.Tensors;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class LinearLayerSpec implements KataSpec<LinearLayer> {

    /** A batch x[n][in], a weight w[out][in], a bias b[out] and the gradient upstream[n][out]. */
    record Case(double[][] x, double[][] w, double[] b, double[][] upstream) {}

    static Gen<Case> cases(Gen<Double> values) {
        return s -> {
            int n = s.intBetween(1, 4);
            int in = s.intBetween(1, 5);
            int out = s.intBetween(1, 5);
            double[][] x = Gens.matrix(n, in, values).generate(s);
            double[][] w = Gens.matrix(out, in, values).generate(s);
            double[] b = Gens.vector(out, values).generate(s);
            double[][] up = Gens.matrix(n, out, Gens.doubles(-2, 2)).generate(s);
            return new Case(x, w, b, up);
        };
    }

    /** Non-square layers with a batch of at least two: a transposed W or an unsummed bias cannot hide. */
    static Gen<Case> rectangular() {
        return cases(Gens.doubles(-3, 3)).filter(c -> c.x().length >= 2 && c.w().length != c.x()[0].length);
    }

    @Override
    public Class<LinearLayer> contract() { return LinearLayer.class; }

    @Override
    public List<Check<LinearLayer>> checks() {
        return List.of(
            Check.<LinearLayer>oracle("forwardMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles()), c ->
                close("y", ctx.oracle().forward(c.x(), c.w(), c.b()),
                        pure("forward(x, w, b)", () -> ctx.subject().forward(c.x(), c.w(), c.b()), c.x(), c.w(), c.b()))))
                .enforces("forwardValue", "newArrays").hint("y[r][j] = b[j] + sum_i x[r][i] * w[j][i]: w is [out][in], so row j of w meets row r of x."),

            Check.<LinearLayer>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles()), c -> {
                LinearLayer.Grads want = ctx.oracle().backward(c.x(), c.w(), c.b(), c.upstream());
                LinearLayer.Grads got = pure("backward(x, w, b, upstream)",
                        () -> ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream()), c.x(), c.w(), c.b(), c.upstream());
                close("dx", want.dx(), got.dx());
                close("dw", want.dw(), got.dw());
                close("db", want.db(), got.db());
            })).enforces("backwardValue", "newArrays").hint("dx = upstream W, dW = upstream^T x, db = column sums of upstream: accumulate (+=) over every row of the batch."),

            Check.<LinearLayer>gradcheck("dxAgreesWithCentralDifferences", ctx -> ctx.forAll(rectangular(), c -> {
                int n = c.x().length, in = c.x()[0].length;
                double[][] dx = ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream()).dx();
                shape("dx", dx, n, in);
                GradCheck.check("dx", Tensors.flat(c.x()),
                        x -> Tensors.dot(c.upstream(), ctx.subject().forward(Tensors.matrix(x, n, in), c.w(), c.b())),
                        Tensors.flat(dx));
            })).enforces("backwardValue").hint("dx[r][i] = sum_j upstream[r][j] * w[j][i]: the same W, multiplied from the other side."),

            Check.<LinearLayer>gradcheck("dwAgreesWithCentralDifferences", ctx -> ctx.forAll(rectangular(), c -> {
                int out = c.w().length, in = c.w()[0].length;
                double[][] dw = ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream()).dw();
                shape("dw (same shape as w, [out][in])", dw, out, in);
                GradCheck.check("dw", Tensors.flat(c.w()),
                        w -> Tensors.dot(c.upstream(), ctx.subject().forward(c.x(), Tensors.matrix(w, out, in), c.b())),
                        Tensors.flat(dw));
            })).enforces("backwardValue").hint("dW has W's shape [out][in]: dW[j][i] = sum_r upstream[r][j] * x[r][i], i.e. upstream^T x, not x^T upstream."),

            Check.<LinearLayer>gradcheck("dbAgreesWithCentralDifferences", ctx -> ctx.forAll(rectangular(), c -> {
                double[] db = ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream()).db();
                GradCheck.check("db", c.b(),
                        b -> Tensors.dot(c.upstream(), ctx.subject().forward(c.x(), c.w(), b)), db);
            })).enforces("backwardValue").hint("Every row of the batch adds the same b, so db sums upstream over the batch (rows), not averages it."),

            Check.<LinearLayer>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[][] x = g.input().mat("x"), w = g.input().mat("w"), up = g.input().mat("upstream");
                        double[] b = g.input().vec("b");
                        close("y", g.output().mat("y"), ctx.subject().forward(x, w, b));
                        LinearLayer.Grads got = ctx.subject().backward(x, w, b, up);
                        close("dx", g.output().mat("dx"), got.dx());
                        close("dw", g.output().mat("dw"), got.dw());
                        close("db", g.output().vec("db"), got.db());
                    });
                }
            }).enforces("forwardValue", "backwardValue").hint("These are torch.nn.Linear's values and gradients: compare the layouts ([out][in]) on the case shown."),

            Check.<LinearLayer>invariant("resultsAreNewAndCallsIndependent", ctx -> ctx.forAll(cases(Gens.doubles(-3, 3)), c -> {
                fresh("forward(x, w, b)", () -> ctx.subject().forward(c.x(), c.w(), c.b()), c.x(), c.w(), c.b());
                fresh("backward(x, w, b, upstream)", () -> {
                    LinearLayer.Grads g = ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream());
                    return new Object[] {g.dx(), g.dw(), g.db()};   // fresh looks inside arrays, not records
                }, c.x(), c.w(), c.b(), c.upstream());
                LinearLayer.Grads first = ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream());
                LinearLayer.Grads again = ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream());
                close("dw of a second identical call (must equal the first: no gradient kept between calls)", first.dw(), again.dw());
                close("db of a second identical call", first.db(), again.db());
            })).enforces("newArrays").hint("Allocate dx, dw, db inside backward: accumulating into fields (a gradient never zeroed between calls) returns the running sum of every call."),

            Check.<LinearLayer>example("handWorkedEdgeCases", ctx -> {
                LinearLayer l = ctx.subject();
                double[][] w = {{1, 2, 3}, {-1, 0, 1}};
                double[] b = {0.5, -0.5};
                ctx.example("an empty batch: x = [] (in = 3), w [2][3]", () -> {
                    double[][] x = new double[0][];
                    equal("forward(empty).length", 0, l.forward(x, w, b).length);
                    LinearLayer.Grads g = l.backward(x, w, b, new double[0][]);
                    equal("dx.length", 0, g.dx().length);
                    equal("dw (nothing to accumulate)", new double[2][3], g.dw());
                    equal("db", new double[2], g.db());
                });
                ctx.example("two rows: x = [[1, 0, 2], [0, 1, -1]], upstream = [[1, 0], [2, -1]]", () -> {
                    double[][] x = {{1, 0, 2}, {0, 1, -1}}, up = {{1, 0}, {2, -1}};
                    equal("y", new double[][] {{7.5, 0.5}, {-0.5, -1.5}}, l.forward(x, w, b));
                    LinearLayer.Grads g = l.backward(x, w, b, up);
                    equal("dx (= upstream W)", new double[][] {{1, 2, 3}, {3, 4, 5}}, g.dx());
                    equal("dw (= upstream^T x, both rows summed)", new double[][] {{1, 2, 0}, {0, -1, 1}}, g.dw());
                    equal("db (= column sums of upstream)", new double[] {3, -1}, g.db());
                });
            }).enforces("emptyBatch", "forwardValue", "backwardValue")
                .hint("An empty batch is a valid input: take in from w[0].length, not x[0].length, and every gradient is a sum of nothing, 0.")
        );
    }
}
