package katagym.backprop;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fail;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.pure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import katagym.backprop.Optimizers.Adam;
import katagym.backprop.Optimizers.AdamState;
import katagym.backprop.Optimizers.Sgd;
import katagym.backprop.Optimizers.SgdState;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class OptimizersSpec implements KataSpec<Optimizers> {

    /** Starting parameters and the gradients of successive steps (grads[k] is used at step k). */
    record SgdCase(Sgd hyper, double[] params, double[][] grads) {}

    record AdamCase(Adam hyper, double[] params, double[][] grads) {}

    /** Displacements are compared with a slightly looser relative tolerance: they are differences of parameters. */
    static final Tolerance STEP = Tolerance.of(1e-8, 1e-12);

    static Gen<Sgd> sgdHypers() {
        return s -> {
            double lr = Gens.oneOf(0.01, 0.1, 0.5).generate(s);
            double momentum = Gens.oneOf(0.9, 0.5, 0.99).generate(s);
            double dampening = s.chance(0.5) ? Gens.oneOf(0.1, 0.5, 0.9).generate(s) : 0.0;
            double wd = s.chance(0.5) ? Gens.oneOf(0.01, 0.1).generate(s) : 0.0;
            boolean nesterov = dampening == 0 && s.chance(0.4);
            return new Sgd(lr, momentum, dampening, wd, nesterov);
        };
    }

    static Gen<Adam> adamHypers(boolean decay) {
        return s -> new Adam(Gens.oneOf(1e-3, 1e-2, 0.1).generate(s), Gens.oneOf(0.9, 0.5, 0.99).generate(s),
                Gens.oneOf(0.999, 0.9, 0.99).generate(s), Gens.oneOf(1e-8, 1e-4, 1e-2).generate(s),
                decay && s.chance(0.7) ? Gens.oneOf(0.01, 0.1, 0.5).generate(s) : 0.0);
    }

    static double[][] grads(katagym.grader.prop.Source s, int steps, int n) {
        return Gens.matrix(steps, n, Gens.doubles(-5, 5)).generate(s);
    }

    static Gen<SgdCase> sgdCases(int maxSteps) {
        return s -> {
            Sgd h = sgdHypers().generate(s);
            int n = s.intBetween(1, 4), steps = s.intBetween(1, maxSteps);
            return new SgdCase(h, Gens.vector(n, Gens.doubles(-5, 5)).generate(s), grads(s, steps, n));
        };
    }

    static Gen<AdamCase> adamCases(int maxSteps, boolean decay) {
        return s -> {
            Adam h = adamHypers(decay).generate(s);
            int n = s.intBetween(1, 4), steps = s.intBetween(1, maxSteps);
            return new AdamCase(h, Gens.vector(n, Gens.doubles(-5, 5)).generate(s), grads(s, steps, n));
        };
    }

    static void sameSgd(String at, SgdState want, SgdState got) {
        equal(at + ": step", want.step(), got.step());
        close(at + ": params", want.params(), got.params());
        close(at + ": buffer", want.buffer(), got.buffer());
    }

    static void sameAdam(String at, AdamState want, AdamState got) {
        equal(at + ": step", want.step(), got.step());
        close(at + ": params", want.params(), got.params());
        close(at + ": m", want.m(), got.m());
        close(at + ": v", want.v(), got.v());
    }

    interface AdamStepper { AdamState step(Optimizers o, AdamState s, double[] g, Adam h); }

    static Check<Optimizers> adamOracle(String name, String call, AdamStepper stepper) {
        return Check.<Optimizers>oracle(name, ctx -> ctx.forAll(adamCases(5, true), c -> {
            AdamState want = AdamState.initial(c.params()), got = AdamState.initial(c.params());
            for (int k = 0; k < c.grads().length; k++) {
                want = stepper.step(ctx.oracle(), want, c.grads()[k], c.hyper());
                AdamState before = got;
                double[] g = c.grads()[k];
                got = pure(call, () -> stepper.step(ctx.subject(), before, g, c.hyper()), before.params(), before.m(), before.v(), g);
                sameAdam("after step " + (k + 1), want, got);
            }
        }));
    }

    /** The arrays of a state, for Checks.fresh (which looks inside arrays, not records). */
    static Object[] arrays(SgdState s) { return new Object[] {s.params(), s.buffer()}; }

    static Object[] arrays(AdamState s) { return new Object[] {s.params(), s.m(), s.v()}; }

    static Adam adamHyper(JsonNode h) {
        return new Adam(h.get("lr").asDouble(), h.get("beta1").asDouble(), h.get("beta2").asDouble(), h.get("eps").asDouble(),
                h.path("weightDecay").asDouble(0));
    }

    @Override
    public Class<Optimizers> contract() { return Optimizers.class; }

    @Override
    public List<Check<Optimizers>> checks() {
        return List.of(
            Check.<Optimizers>oracle("sgdStepsMatchReference", ctx -> ctx.forAll(sgdCases(5), c -> {
                SgdState want = SgdState.initial(c.params()), got = SgdState.initial(c.params());
                for (int k = 0; k < c.grads().length; k++) {
                    want = ctx.oracle().sgdStep(want, c.grads()[k], c.hyper());
                    SgdState before = got;
                    double[] g = c.grads()[k];
                    got = pure("sgdStep(state, grad, hyper)", () -> ctx.subject().sgdStep(before, g, c.hyper()), before.params(), before.buffer(), g);
                    sameSgd("after step " + (k + 1), want, got);
                }
            })).enforces("sgdRule", "sgdFirstStep", "stepCount", "newState")
                .hint("Follow the pseudo-code line by line: d, then buf (copied on the first step), then u (nesterov or not), then p -= lr * u."),

            adamOracle("adamStepsMatchReference", "adamStep(state, grad, hyper)", (o, s, g, h) -> o.adamStep(s, g, h))
                .enforces("adamRule", "biasCorrection", "zeroGradientEntries", "stepCount", "newState")
                .hint("Adam: d = grad + wd p; m, v moving averages of d and d^2; p -= lr (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps) with t = step + 1."),
            adamOracle("adamwStepsMatchReference", "adamwStep(state, grad, hyper)", (o, s, g, h) -> o.adamwStep(s, g, h))
                .enforces("adamwRule", "biasCorrection", "stepCount", "newState")
                .hint("AdamW: p *= (1 - lr wd) first, then exactly the Adam update with the raw gradient."),

            Check.<Optimizers>invariant("sgdFirstStepCopiesTheGradientIntoTheBuffer", ctx -> ctx.forAll(sgdCases(1), c -> {
                Sgd h = c.hyper();
                double[] p = c.params(), g = c.grads()[0];
                SgdState next = ctx.subject().sgdStep(SgdState.initial(p), g, h);
                double[] d = new double[p.length], moved = new double[p.length], want = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    d[i] = g[i] + h.weightDecay() * p[i];
                    moved[i] = p[i] - next.params()[i];
                    want[i] = h.lr() * (h.nesterov() ? (1 + h.momentum()) * d[i] : d[i]);
                }
                equal("step after the first step", 1, next.step());
                close("buffer after the first step (= grad + weightDecay * p, never dampened)", d, next.buffer());
                close("p - p' after the first step (= lr * d, or lr * (1 + momentum) * d with nesterov)", want, moved, STEP);
            })).enforces("sgdFirstStep", "sgdRule").hint("PyTorch's first step sets buf = d exactly: no dampening, no momentum; later steps use momentum * buf + (1 - dampening) * d."),

            Check.<Optimizers>invariant("sgdWithConstantGradientFollowsTheGeometricSeries", ctx -> ctx.forAll(sgdCases(1), c0 -> {
                Sgd h = new Sgd(c0.hyper().lr(), c0.hyper().momentum(), 0, 0, false);
                double[] g = c0.grads()[0];
                SgdState st = SgdState.initial(c0.params());
                double series = 0, total = 0;
                for (int k = 1; k <= 5; k++) {
                    st = ctx.subject().sgdStep(st, g, h);
                    series = 1 + h.momentum() * series;     // 1 + m + ... + m^(k-1)
                    total += series;
                    double[] buf = new double[g.length], moved = new double[g.length], want = new double[g.length];
                    for (int i = 0; i < g.length; i++) {
                        buf[i] = series * g[i];
                        moved[i] = c0.params()[i] - st.params()[i];
                        want[i] = h.lr() * total * g[i];
                    }
                    equal("step after " + k + " steps", k, st.step());
                    close("buffer after " + k + " steps of the same gradient g (= g (1 + m + ... + m^(k-1)))", buf, st.buffer());
                    close("p0 - p after " + k + " steps of the same gradient g", want, moved, STEP);
                }
            })).enforces("sgdRule").hint("buf = momentum * buf + d, then p -= lr * buf: with a constant gradient the buffer grows like 1 + m + m^2 + ..."),

            Check.<Optimizers>invariant("sgdDampeningScalesEveryGradientButTheFirst", ctx -> ctx.forAll(s -> {
                SgdCase c = sgdCases(1).generate(s);
                return new SgdCase(new Sgd(c.hyper().lr(), c.hyper().momentum(), Gens.oneOf(0.1, 0.5, 0.9).generate(s), 0, false), c.params(), c.grads());
            }, c0 -> {
                Sgd h = c0.hyper();
                double dampening = h.dampening();
                double[] g = c0.grads()[0];
                SgdState st = SgdState.initial(c0.params());
                double series = 0, total = 0;
                for (int k = 1; k <= 4; k++) {
                    st = ctx.subject().sgdStep(st, g, h);
                    series = k == 1 ? 1 : h.momentum() * series + (1 - dampening);   // 1, then m * previous + (1 - dampening)
                    total += series;
                    double[] buf = new double[g.length], moved = new double[g.length], want = new double[g.length];
                    for (int i = 0; i < g.length; i++) {
                        buf[i] = series * g[i];
                        moved[i] = c0.params()[i] - st.params()[i];
                        want[i] = h.lr() * total * g[i];
                    }
                    close("buffer after " + k + " steps of the same gradient g with dampening " + dampening
                            + " (buf = g, then momentum * buf + (1 - dampening) * g)", buf, st.buffer());
                    close("p0 - p after " + k + " steps of the same gradient g with dampening " + dampening, want, moved, STEP);
                }
            })).enforces("sgdRule", "sgdFirstStep").hint("Dampening multiplies the NEW gradient by (1 - dampening) from the second step on: buf = momentum * buf + (1 - dampening) * d."),

            Check.<Optimizers>invariant("adamWithConstantGradientMovesLrPerStep", ctx -> ctx.forAll(adamCases(1, false), c -> {
                Adam h = c.hyper();
                double[] g = c.grads()[0];
                AdamState st = AdamState.initial(c.params());
                for (int k = 1; k <= 4; k++) {
                    st = ctx.subject().adamStep(st, g, h);
                    double[] moved = new double[g.length], want = new double[g.length];
                    for (int i = 0; i < g.length; i++) {
                        moved[i] = c.params()[i] - st.params()[i];
                        double gi = g[i];
                        // bias correction makes mhat = g and vhat = g^2 exactly, whatever the step
                        want[i] = k * h.lr() * gi / (Math.abs(gi) + h.eps());
                    }
                    equal("step after " + k + " steps", k, st.step());
                    close("p0 - p after " + k + " Adam steps of the same gradient g (= k * lr * g / (|g| + eps))", want, moved, STEP);
                }
            })).enforces("biasCorrection", "adamRule").hint("Divide m by (1 - beta1^t) and v by (1 - beta2^t), with t the step count after this step, and add eps after the square root."),

            Check.<Optimizers>invariant("adamwWithZeroGradientOnlyDecays", ctx -> ctx.forAll(adamCases(1, true), c -> {
                Adam h = c.hyper();
                int n = c.params().length;
                AdamState st = AdamState.initial(c.params());
                double factor = 1;
                for (int k = 1; k <= 3; k++) {
                    st = ctx.subject().adamwStep(st, new double[n], h);
                    factor *= 1 - h.lr() * h.weightDecay();
                    double[] want = new double[n];
                    for (int i = 0; i < n; i++) want[i] = c.params()[i] * factor;
                    close("params after " + k + " AdamW steps with zero gradient (= p0 * (1 - lr * wd)^k)", want, st.params());
                    close("m after zero gradients (the decay never enters the moments)", new double[n], st.m());
                    close("v after zero gradients", new double[n], st.v());
                }
            })).enforces("adamwRule").hint("AdamW multiplies p by (1 - lr * weightDecay) before the Adam update; it does not add weightDecay * p to the gradient."),

            Check.<Optimizers>invariant("adamWeightDecayActsAsWeightDecayTimesPAddedToTheGradient", ctx -> ctx.forAll(adamCases(4, true), c -> {
                Adam h = c.hyper(), plain = new Adam(h.lr(), h.beta1(), h.beta2(), h.eps(), 0);
                AdamState decayed = AdamState.initial(c.params()), added = AdamState.initial(c.params());
                for (int k = 0; k < c.grads().length; k++) {
                    double[] g = c.grads()[k], withDecay = new double[g.length];
                    for (int i = 0; i < g.length; i++) withDecay[i] = g[i] + h.weightDecay() * added.params()[i];
                    decayed = ctx.subject().adamStep(decayed, g, h);
                    added = ctx.subject().adamStep(added, withDecay, plain);
                    sameAdam("adamStep(weightDecay = " + h.weightDecay() + ") vs adamStep(weightDecay = 0) on grad + weightDecay * p, step " + (k + 1),
                            added, decayed);
                }
            })).enforces("adamRule").hint("Adam's weightDecay is plain L2: d = grad + weightDecay * p, and d (not grad) feeds m and v."),

            Check.<Optimizers>invariant("adamAndAdamwAgreeWithoutWeightDecay", ctx -> ctx.forAll(adamCases(4, false), c -> {
                AdamState a = AdamState.initial(c.params()), w = AdamState.initial(c.params());
                for (int k = 0; k < c.grads().length; k++) {
                    a = ctx.subject().adamStep(a, c.grads()[k], c.hyper());
                    w = ctx.subject().adamwStep(w, c.grads()[k], c.hyper());
                    sameAdam("adamwStep vs adamStep with weightDecay = 0, step " + (k + 1), a, w);
                }
            })).enforces("adamwRule").hint("With weightDecay = 0 AdamW is Adam: the decoupled decay is the only difference."),

            Check.<Optimizers>invariant("stepsReturnNewArrays", ctx -> ctx.forAll(sgdCases(1), c -> {
                double[] g = c.grads()[0];
                SgdState s0 = SgdState.initial(c.params());
                fresh("sgdStep(initial state, grad, hyper) (first step)", () -> arrays(ctx.subject().sgdStep(s0, g, c.hyper())), s0.params(), s0.buffer(), g);
                Sgd plain = new Sgd(c.hyper().lr(), c.hyper().momentum(), 0, 0, false);
                fresh("sgdStep(initial state, grad, hyper without weight decay)", () -> arrays(ctx.subject().sgdStep(s0, g, plain)), s0.params(), s0.buffer(), g);
                AdamState a0 = AdamState.initial(c.params());
                Adam h = new Adam(0.1, 0.9, 0.999, 1e-8, 0);
                fresh("adamStep(initial state, grad, hyper)", () -> arrays(ctx.subject().adamStep(a0, g, h)), a0.params(), a0.m(), a0.v(), g);
                fresh("adamwStep(initial state, grad, hyper)", () -> arrays(ctx.subject().adamwStep(a0, g, h)), a0.params(), a0.m(), a0.v(), g);
            })).enforces("newState").hint("Return new arrays in the new state: a buffer that IS the caller's grad array changes when the caller reuses it for the next gradient."),

            Check.<Optimizers>example("handWorkedEdgeCases", ctx -> {
                Optimizers o = ctx.subject();
                ctx.example("SGD, momentum 0.9, dampening 0.5, lr 0.1: a zero first gradient, then g = [2]", () -> {
                    Sgd h = new Sgd(0.1, 0.9, 0.5, 0, false);
                    SgdState s1 = o.sgdStep(SgdState.initial(new double[] {1}), new double[] {0}, h);
                    close("buffer after the zero first step", new double[] {0}, s1.buffer());
                    SgdState s2 = o.sgdStep(s1, new double[] {2}, h);
                    close("buffer after step 2 (= 0.9 * 0 + (1 - 0.5) * 2: step 2 is dampened even though the buffer is 0)", new double[] {1}, s2.buffer());
                    close("params after step 2 (= 1 - 0.1 * 1)", new double[] {0.9}, s2.params());
                });
                ctx.example("Adam, lr 0.1, beta1 0.9, beta2 0.999, eps 1e-8: g = [2, 0, -3], then g = [0, 0, 0]", () -> {
                    Adam h = new Adam(0.1, 0.9, 0.999, 1e-8, 0);
                    AdamState s1 = o.adamStep(AdamState.initial(new double[] {0, 0, 0}), new double[] {2, 0, -3}, h);
                    // step 1: mhat = g, vhat = g^2 exactly, so p moves by lr * g / (|g| + eps); a zero entry does not move
                    close("params after step 1", new double[] {-0.1 * 2 / (2 + 1e-8), 0, 0.1 * 3 / (3 + 1e-8)}, s1.params());
                    AdamState s2 = o.adamStep(s1, new double[] {0, 0, 0}, h);
                    double[] want = new double[3];
                    double[] g1 = {2, 0, -3};
                    for (int i = 0; i < 3; i++) {
                        double m = 0.9 * (0.1 * g1[i]), v = 0.999 * (0.001 * g1[i] * g1[i]);
                        double mhat = m / (1 - 0.9 * 0.9), vhat = v / (1 - 0.999 * 0.999);
                        want[i] = s1.params()[i] - 0.1 * mhat / (Math.sqrt(vhat) + 1e-8);
                    }
                    close("params after a zero second gradient (m and v decay, p keeps moving)", want, s2.params());
                    close("m after a zero second gradient (= 0.9 * m)", new double[] {0.9 * 0.2, 0, 0.9 * -0.3}, s2.m());
                    equal("step after two steps", 2, s2.step());
                });
            }).enforces("sgdFirstStep", "sgdRule", "biasCorrection", "zeroGradientEntries", "adamRule", "stepCount")
                .hint("The first step is decided by the step count: a zero first gradient leaves buf = 0, and step 2 is an ordinary (dampened) step. Adam updates every entry, zero gradients included."),

            Check.<Optimizers>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        String kind = g.input().string("optimizer");
                        JsonNode h = g.input().node("hyper");
                        double[] p0 = g.input().vec("params");
                        double[][] grads = g.input().mat("gradients");
                        double[] p;
                        switch (kind) {
                            case "sgd-momentum" -> {
                                Sgd hyper = new Sgd(h.get("lr").asDouble(), h.get("momentum").asDouble(), h.path("dampening").asDouble(0),
                                        h.path("weightDecay").asDouble(0), h.path("nesterov").asBoolean(false));
                                SgdState st = SgdState.initial(p0);
                                for (double[] gr : grads) st = ctx.subject().sgdStep(st, gr, hyper);
                                p = st.params();
                            }
                            case "adam", "adamw" -> {
                                Adam hyper = adamHyper(h);
                                AdamState st = AdamState.initial(p0);
                                for (double[] gr : grads) st = kind.equals("adam") ? ctx.subject().adamStep(st, gr, hyper) : ctx.subject().adamwStep(st, gr, hyper);
                                p = st.params();
                            }
                            default -> { fail("unknown optimizer in golden file: " + kind); return; }
                        }
                        close("params after " + grads.length + " " + kind + " steps", g.output().vec("params"), p);
                    });
                }
            }).enforces("sgdRule", "adamRule", "adamwRule", "biasCorrection")
                .hint("These are torch.optim's parameters after the steps shown: replay them one step at a time against the pseudo-code.")
        );
    }
}
