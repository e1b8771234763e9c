package katagym.activations;

import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;

/**
 * The input of the elementwise activation specs: a vector and the gradient flowing back into the
 * output. Its fields print as the counterexample.
 */
record ElementwiseCase(double[] x, double[] upstream) {

    /** Vectors of 1 to 8 values, with upstream gradients in [-2, 2]. */
    static Gen<ElementwiseCase> cases(Gen<Double> values) {
        return cases(values, Gens.doubles(-2, 2));
    }

    static Gen<ElementwiseCase> cases(Gen<Double> values, Gen<Double> upstreams) {
        return s -> {
            double[] x = Gens.vectors(1, 8, values).generate(s);
            double[] up = Gens.vector(x.length, upstreams).generate(s);
            return new ElementwiseCase(x, up);
        };
    }
}
