package katagym.backprop;

import static katagym.grader.check.Checks.close;
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
                        pure("forward(x, w, b)", () -> ctx.subject().forward(c.x(), c.w(), c.b()), c.x(), c.w(), c.b())))),

            Check.<LinearLayer>oracle("backwardMatchesReference", ctx -> ctx.forAll(cases(Gens.doubles()), c -> {
                LinearLayer.Grads want = ctx.oracle().backward(c.x(), c.w(), c.b(), c.upstream());
                LinearLayer.Grads got = pure("backward(x, w, b, upstream)",
                        () -> ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream()), c.x(), c.w(), c.b(), c.upstream());
                close("dx", want.dx(), got.dx());
                close("dw", want.dw(), got.dw());
                close("db", want.db(), got.db());
            })),

            Check.<LinearLayer>gradcheck("dxAgreesWithCentralDifferences", ctx -> ctx.forAll(rectangular(), c -> {
                int n = c.x().length, in = c.x()[0].length;
                double[][] dx = ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream()).dx();
                shape("dx", dx, n, in);
                GradCheck.check("dx", Tensors.flat(c.x()),
                        x -> Tensors.dot(c.upstream(), ctx.subject().forward(Tensors.matrix(x, n, in), c.w(), c.b())),
                        Tensors.flat(dx));
            })).hint("dx[r][i] = sum_j upstream[r][j] * w[j][i]: the same W, multiplied from the other side."),

            Check.<LinearLayer>gradcheck("dwAgreesWithCentralDifferences", ctx -> ctx.forAll(rectangular(), c -> {
                int out = c.w().length, in = c.w()[0].length;
                double[][] dw = ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream()).dw();
                shape("dw (same shape as w, [out][in])", dw, out, in);
                GradCheck.check("dw", Tensors.flat(c.w()),
                        w -> Tensors.dot(c.upstream(), ctx.subject().forward(c.x(), Tensors.matrix(w, out, in), c.b())),
                        Tensors.flat(dw));
            })).hint("dW has W's shape [out][in]: dW[j][i] = sum_r upstream[r][j] * x[r][i], i.e. upstream^T x, not x^T upstream."),

            Check.<LinearLayer>gradcheck("dbAgreesWithCentralDifferences", ctx -> ctx.forAll(rectangular(), c -> {
                double[] db = ctx.subject().backward(c.x(), c.w(), c.b(), c.upstream()).db();
                GradCheck.check("db", c.b(),
                        b -> Tensors.dot(c.upstream(), ctx.subject().forward(c.x(), c.w(), b)), db);
            })).hint("Every row of the batch adds the same b, so db sums upstream over the batch (rows), not averages it."),

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
            })
        );
    }
}
