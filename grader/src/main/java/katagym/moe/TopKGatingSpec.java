package katagym.moe;

import static katagym.grader.check.Checks.close;
import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.finite;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.shape;
import static katagym.grader.check.Checks.that;

import java.util.List;
import katagym.grader.check.Tolerance;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

public final class TopKGatingSpec implements KataSpec<TopKGating> {

    /** Router logits [tokens][experts] and k. */
    record Case(double[][] routerLogits, int k) {}

    /** A routing to combine, and the outputs of every expert for every token [experts][tokens][dim]. */
    record CombineCase(int[][] experts, double[][] weights, double[][][] expertOutputs) {}

    /** Perfectly balanced routing: token t prefers expert t mod E by {@code margin}; every expert gets {@code perExpert} tokens. */
    record UniformCase(int experts, int perExpert, double base, double margin) {}

    /** Every token's top-1 expert is {@code favourite}, by a margin of at least 1. */
    record OneExpertCase(double[][] routerLogits, int favourite) {}

    /** Logits with many ties (small whole numbers), ordinary values and, rarely, extreme ones. */
    static Gen<Double> logits() {
        Gen<Double> ties = Gens.oneOf(0.0, -0.0, 1.0, -1.0, 2.0);
        Gen<Double> ordinary = Gens.doubles(-5, 5);
        Gen<Double> decade = s -> (s.choice(1) == 0 ? 1 : -1) * s.real(10, 100, r -> Math.pow(10, 1 + r.nextDouble()));
        Gen<Double> extreme = Gens.extremes();
        return s -> switch (s.weighted(0.3, 0.45, 0.15, 0.1)) {
            case 0 -> ties.generate(s);
            case 1 -> ordinary.generate(s);
            case 2 -> decade.generate(s);
            default -> extreme.generate(s);
        };
    }

    static Gen<Case> cases() {
        Gen<Double> values = logits();
        return s -> {
            int experts = s.intBetween(1, 6);
            int tokens = s.intBetween(1, 6);
            int k = s.intBetween(1, experts);
            return new Case(Gens.matrix(tokens, experts, values).generate(s), k);
        };
    }

    static Gen<CombineCase> combineCases() {
        return s -> {
            int experts = s.intBetween(1, 5);
            int tokens = s.intBetween(1, 4);
            int dim = s.intBetween(1, 3);
            int k = s.intBetween(1, Math.min(experts, 3));
            int[][] chosen = new int[tokens][];
            double[][] weights = new double[tokens][];
            for (int t = 0; t < tokens; t++) {
                int[] perm = Gens.permutations(experts).generate(s);
                chosen[t] = java.util.Arrays.copyOf(perm, k);
                weights[t] = Gens.distributions(k).generate(s);
            }
            double[][][] outputs = Gens.tensor3(experts, tokens, dim, Gens.doubles(-3, 3)).generate(s);
            return new CombineCase(chosen, weights, outputs);
        };
    }

    static Gen<UniformCase> uniformCases() {
        return s -> new UniformCase(s.intBetween(1, 6), s.intBetween(1, 3), Gens.doubles(-3, 3).generate(s),
                Gens.doubles(0, 4).generate(s));
    }

    static double[][] uniformLogits(UniformCase u) {
        int tokens = u.experts() * u.perExpert();
        double[][] x = new double[tokens][u.experts()];
        for (int t = 0; t < tokens; t++) {
            java.util.Arrays.fill(x[t], u.base());
            x[t][t % u.experts()] = u.base() + u.margin();
        }
        return x;
    }

    static Gen<OneExpertCase> oneExpertCases() {
        return s -> {
            int experts = s.intBetween(1, 6);
            int tokens = s.intBetween(1, 5);
            int fav = s.intBetween(0, experts - 1);
            double[][] x = Gens.matrix(tokens, experts, Gens.doubles(-3, 3)).generate(s);
            for (double[] row : x) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : row) max = Math.max(max, v);
                row[fav] = max + 1 + Gens.doubles(0, 2).generate(s);
            }
            return new OneExpertCase(x, fav);
        };
    }

    /** Mean over tokens of the full softmax probability of expert i (the P_i of the loss). */
    static double meanProbability(double[][] x, int i) {
        double total = 0;
        for (double[] row : x) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) max = Math.max(max, v);
            double sum = 0;
            for (double v : row) sum += Math.exp(v - max);
            total += Math.exp(row[i] - max) / sum;
        }
        return total / x.length;
    }

    @Override
    public Class<TopKGating> contract() { return TopKGating.class; }

    @Override
    public List<Check<TopKGating>> checks() {
        return List.of(
            Check.<TopKGating>oracle("routeMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                TopKGating.Routing expected = ctx.oracle().route(c.routerLogits(), c.k());
                TopKGating.Routing actual = pure("route(routerLogits, k)", () -> ctx.subject().route(c.routerLogits(), c.k()),
                        (Object) c.routerLogits());
                that(actual != null && actual.experts() != null && actual.weights() != null, "route returned null parts");
                equal("experts", expected.experts(), actual.experts());
                close("weights", expected.weights(), actual.weights());
            }))
                .enforces("routeExperts", "routeWeights", "anyK", "noModify")
                .hint("Per token: the k largest logits, largest first, ties to the lower index; then softmax over those k logits only."),

            Check.<TopKGating>oracle("combineMatchesReference", ctx -> ctx.forAll(combineCases(), c -> {
                TopKGating.Routing r = new TopKGating.Routing(c.experts(), c.weights());
                close("combined output", ctx.oracle().combine(r, c.expertOutputs()),
                        pure("combine(routing, expertOutputs)", () -> ctx.subject().combine(r, c.expertOutputs()),
                                c.experts(), c.weights(), c.expertOutputs()));
            }))
                .enforces("combineValue", "noModify")
                .hint("Sum over the k chosen experts of weight times that expert's output for this token."),

            Check.<TopKGating>oracle("loadBalancingLossMatchesReference", ctx -> ctx.forAll(cases(), c -> {
                double actual = pure("loadBalancingLoss(routerLogits)", () -> ctx.subject().loadBalancingLoss(c.routerLogits()),
                        (Object) c.routerLogits());
                close("load-balancing loss", ctx.oracle().loadBalancingLoss(c.routerLogits()), actual);
            }))
                .enforces("lossValue", "noModify")
                .hint("f_i from the top-1 choices (ties to the lower index), P_i from the full, max-subtracted softmax; multiply by E."),

            Check.<TopKGating>invariant("chosenExpertsAreTheKLargestWithTiesToTheLowerIndex", ctx -> ctx.forAll(cases(), c -> {
                TopKGating.Routing r = ctx.subject().route(c.routerLogits(), c.k());
                double[][] x = c.routerLogits();
                shape("experts", r.experts(), x.length, c.k());
                for (int t = 0; t < x.length; t++) {
                    int[] chosen = r.experts()[t];
                    int tt = t;
                    boolean[] taken = new boolean[x[t].length];
                    for (int j = 0; j < chosen.length; j++) {
                        int e = chosen[j], jj = j;
                        that(e >= 0 && e < x[t].length && !taken[e],
                                () -> "token " + tt + ": expert " + e + " at rank " + jj + " is out of range or chosen twice: " + java.util.Arrays.toString(chosen));
                        taken[e] = true;
                        if (j > 0) {
                            int prev = chosen[j - 1];
                            that(x[t][prev] > x[t][e] || (x[t][prev] == x[t][e] && prev < e),
                                    () -> "token " + tt + ": expert " + prev + " (logit " + x[tt][prev] + ") is ranked before expert " + e
                                            + " (logit " + x[tt][e] + "): larger logits first, equal logits to the lower index first");
                        }
                    }
                    int last = chosen[chosen.length - 1];
                    for (int e = 0; e < x[t].length; e++) {
                        int ee = e;
                        that(taken[e] || x[t][e] < x[t][last] || (x[t][e] == x[t][last] && e > last),
                                () -> "token " + tt + ": expert " + ee + " (logit " + x[tt][ee] + ") was left out but beats chosen expert "
                                        + last + " (logit " + x[tt][last] + "); on a tie the lower index wins");
                    }
                }
            })).hint("Pick the largest logit k times, skipping experts already taken; compare with > (not >=) so the lowest index wins a tie.")
                .enforces("routeExperts", "anyK"),

            Check.<TopKGating>invariant("weightsAreASoftmaxOverTheChosenLogits", ctx -> ctx.forAll(cases(), c -> {
                TopKGating.Routing r = ctx.subject().route(c.routerLogits(), c.k());
                shape("weights", r.weights(), c.routerLogits().length, c.k());
                finite("weights", r.weights());
                for (int t = 0; t < r.weights().length; t++) {
                    double[] w = r.weights()[t];
                    double[] x = c.routerLogits()[t];
                    int[] chosen = r.experts()[t];
                    double sum = 0;
                    for (double v : w) sum += v;
                    close("sum of the weights of token " + t + " (must be 1)", 1.0, sum, Tolerance.of(1e-12, 1e-12));
                    for (int j = 0; j < w.length; j++) {
                        // a softmax: w_j / w_0 = exp(x_j - x_0), x_0 the largest chosen logit
                        close("weights[" + t + "][" + j + "] (= weights[" + t + "][0] * exp(logit of expert " + chosen[j]
                                + " - logit of expert " + chosen[0] + "))", w[0] * Math.exp(x[chosen[j]] - x[chosen[0]]), w[j]);
                    }
                }
            })).hint("Renormalise over the k chosen logits only: softmax(chosen), max subtracted. Not the full softmax restricted to the chosen.")
                .enforces("routeWeights"),

            Check.<TopKGating>invariant("combineIsTheWeightedSumOfTheChosenExperts", ctx -> ctx.forAll(combineCases(), c -> {
                double[][] out = ctx.subject().combine(new TopKGating.Routing(c.experts(), c.weights()), c.expertOutputs());
                int dim = c.expertOutputs()[0][0].length;
                shape("output", out, c.experts().length, dim);
                for (int t = 0; t < out.length; t++) {
                    double[] expected = new double[dim];
                    for (int j = 0; j < c.experts()[t].length; j++) {
                        for (int d = 0; d < dim; d++) expected[d] += c.weights()[t][j] * c.expertOutputs()[c.experts()[t][j]][t][d];
                    }
                    close("output[" + t + "]", expected, out[t]);
                }
            })).hint("out[t] = sum over the chosen j of weights[t][j] * expertOutputs[experts[t][j]][t]: index the expert, not the rank.")
                .enforces("combineValue"),

            Check.<TopKGating>invariant("lossIsOneUnderUniformRouting", ctx -> ctx.forAll(uniformCases(), u -> {
                double[][] x = uniformLogits(u);
                close("loss when every expert is the top-1 of " + u.perExpert() + " token(s) and has the same mean probability",
                        1.0, ctx.subject().loadBalancingLoss(x));
            })).hint("With E experts, f_i = P_i = 1/E gives E * sum_i (1/E)(1/E) = 1: the factor E is part of the loss.")
                .enforces("lossValue"),

            Check.<TopKGating>invariant("lossIsEExpertsTimesMeanProbabilityWhenOneExpertTakesAll", ctx -> ctx.forAll(oneExpertCases(), c -> {
                int experts = c.routerLogits()[0].length;
                close("loss when expert " + c.favourite() + " is every token's top-1 (f = 1 there, 0 elsewhere): E * P_"
                        + c.favourite(), experts * meanProbability(c.routerLogits(), c.favourite()),
                        ctx.subject().loadBalancingLoss(c.routerLogits()));
            })).hint("f_i counts top-1 choices (a fraction of tokens); P_i averages the full softmax over all experts, over tokens.")
                .enforces("lossValue"),

            Check.<TopKGating>golden("matchesPyTorch", ctx -> {
                for (Golden.Case g : ctx.golden().cases()) {
                    ctx.example(g.describe(), () -> {
                        double[][] x = g.input().mat("routerLogits");
                        TopKGating.Routing r = ctx.subject().route(x, g.input().integer("k"));
                        equal("experts", g.output().intMat("experts"), r.experts());
                        close("weights", g.output().mat("weights"), r.weights());
                        close("loadBalancingLoss", g.output().num("loadBalancingLoss"), ctx.subject().loadBalancingLoss(x));
                    });
                }
            })
                .enforces("routeExperts", "routeWeights", "lossValue")
                .hint("These are PyTorch values: compare experts, weights and loss on the case shown."),

            Check.<TopKGating>stability("finiteAndAccurateForLargeLogits", ctx -> ctx.forAll(s -> {
                int experts = s.intBetween(1, 6), tokens = s.intBetween(1, 5);
                return new Case(Gens.matrix(tokens, experts, Gens.logits()).generate(s), s.intBetween(1, experts));
            }, c -> {
                TopKGating.Routing r = ctx.subject().route(c.routerLogits(), c.k());
                finite("weights", r.weights());
                close("weights", ctx.oracle().route(c.routerLogits(), c.k()).weights(), r.weights(), Tolerance.of(1e-9, 1e-300));
                double loss = ctx.subject().loadBalancingLoss(c.routerLogits());
                finite("loadBalancingLoss", loss);
                close("loadBalancingLoss", ctx.oracle().loadBalancingLoss(c.routerLogits()), loss, Tolerance.of(1e-9, 1e-300));
            })).enforces("routeStable", "lossStable")
                .hint("Subtract the largest logit before exp, in the top-k softmax and in the full one; never clamp the logits, exp(x - max) cannot overflow."),

            Check.<TopKGating>example("handWorkedCases", ctx -> {
                TopKGating g = ctx.subject();
                double[][] x = {{1, 3, 2, 3}, {0.5, -1, 2, 0}, {2, 2, 2, 2}};
                ctx.example("the statement's example, k = 2", () -> {
                    TopKGating.Routing r = g.route(x, 2);
                    equal("experts", new int[][] {{1, 3}, {2, 0}, {0, 1}}, r.experts());
                    close("weights", new double[][] {{0.5, 0.5}, {0.8175744761936437, 0.18242552380635632}, {0.5, 0.5}}, r.weights());
                    double[][][] outputs = new double[4][3][];
                    for (int e = 0; e < 4; e++) for (int t = 0; t < 3; t++) outputs[e][t] = new double[] {10 * e + t, 1};
                    close("combine", new double[][] {{20, 1}, {17.35148952387287, 1}, {7, 1}}, g.combine(r, outputs));
                    close("loadBalancingLoss", 1.0019609427376, g.loadBalancingLoss(x), Tolerance.of(1e-12, 1e-12));
                });
                ctx.example("logits [[-0.0, 0.0, -1.0]], k = 2 (-0.0 == 0.0: the lower index first)", () -> {
                    TopKGating.Routing r = g.route(new double[][] {{-0.0, 0.0, -1.0}}, 2);
                    equal("experts", new int[][] {{0, 1}}, r.experts());
                    close("weights", new double[][] {{0.5, 0.5}}, r.weights());
                });
                ctx.example("logits [[60.0, 55.0, 0.0]], k = 2 (the decade 10..100)", () -> {
                    double w = 1 / (1 + Math.exp(-5));
                    close("weights", new double[][] {{w, 1 - w}}, g.route(new double[][] {{60, 55, 0}}, 2).weights());
                });
                ctx.example("logits [[1.0, 2.0]], k = 2 (k = E)", () -> {
                    TopKGating.Routing r = g.route(new double[][] {{1, 2}}, 2);
                    equal("experts", new int[][] {{1, 0}}, r.experts());
                    double w = 1 / (1 + Math.exp(-1));
                    close("weights", new double[][] {{w, 1 - w}}, r.weights());
                });
            }).enforces("routeExperts", "routeWeights", "combineValue", "lossValue", "anyK")
                .hint("Ties compare with == (so 0.0 and -0.0 tie) and go to the lower index: compare with >, not through Double.compare or a sort on -logit.")
        );
    }
}
