package katagym.activations;

import katagym.grader.spec.Clause;

/**
 * GELU, the Gaussian error linear unit, elementwise, in its two PyTorch forms. Kata {@code gelu}.
 * {@code Phi} is the standard normal CDF, {@code phi} its density. Values match within 1e-9 relative
 * or 1e-12 absolute (left of about x = -7 GELU is below 1e-12 and may round to 0, as PyTorch's formula does).
 */
@Clause(id = "newArray", value = "Each method returns a new array of the input's length and never modifies its arguments.")
@Clause(id = "emptyInput", value = "An empty input gives an empty output, for each of the four methods.")
@Clause(id = "finite", value = "All four methods are finite for any finite x (|x| = 1e3 included) and upstream.")
public interface Gelu {
    /**
     * Exact GELU ({@code approximate='none'}): {@code y[i] = x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2))}.
     * Returns a new array; must not modify x.
     */
    @Clause(id = "forwardValue", value = "forward(x)[i] = x Phi(x) = 0.5 x (1 + erf(x / sqrt 2)).")
    double[] forward(double[] x);

    /** The vector-Jacobian product of the exact form: {@code dx[i] = upstream[i] * (Phi(x) + x phi(x))}. */
    @Clause(id = "backwardValue", value = "backward(x, upstream)[i] = upstream[i] (Phi(x) + x phi(x)).")
    double[] backward(double[] x, double[] upstream);

    /**
     * The tanh approximation ({@code approximate='tanh'}):
     * {@code y[i] = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. Returns a new array.
     */
    @Clause(id = "forwardTanhValue", value = "forwardTanh(x)[i] = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).")
    double[] forwardTanh(double[] x);

    /** The vector-Jacobian product of the tanh approximation (the exact derivative of {@link #forwardTanh}). */
    @Clause(id = "backwardTanhValue", value = "backwardTanh(x, upstream)[i] = upstream[i] times the derivative of forwardTanh at x[i].")
    double[] backwardTanh(double[] x, double[] upstream);

    /**
     * The error function {@code erf(x) = 2/sqrt(pi) * integral from 0 to x of exp(-t^2) dt}, given to the
     * learner because Java has none. W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
     * approximations for the error function", Math. Comp. 23, 1969; the coefficients of his CALERF):
     * relative error below about 1e-15 everywhere.
     */
    static double erf(double x) {
        double y = Math.abs(x);
        if (Double.isNaN(x)) return x;
        if (y <= 0.46875) {
            // erf(x) = x P(x^2) / Q(x^2)
            double z = y > 1.11e-16 ? y * y : 0.0;
            double num = ((((0.185777706184603153 * z + 3.16112374387056560) * z + 113.864154151050156) * z
                    + 377.485237685302021) * z + 3209.37758913846947);
            double den = ((((z + 23.6012909523441209) * z + 244.024637934444173) * z
                    + 1282.61652607737228) * z + 2844.23683343917062);
            return x * num / den;
        }
        double erfc;
        if (y <= 4.0) {
            // erfc(y) = exp(-y^2) P(y) / Q(y)
            double num = (((((((2.15311535474403846e-8 * y + 0.564188496988670089) * y + 8.88314979438837594) * y
                    + 66.1191906371416295) * y + 298.635138197400131) * y + 881.952221241769090) * y
                    + 1712.04761263407058) * y + 2051.07837782607147) * y + 1230.33935479799725;
            double den = (((((((y + 15.7449261107098347) * y + 117.693950891312499) * y
                    + 537.181101862009858) * y + 1621.38957456669019) * y + 3290.79923573345963) * y
                    + 4362.61909014324716) * y + 3439.36767414372164) * y + 1230.33935480374942;
            erfc = expMinusSquare(y) * num / den;
        } else if (y < 26.543) {
            // erfc(y) = exp(-y^2) / y * (1/sqrt(pi) + 1/y^2 P(1/y^2) / Q(1/y^2))
            double z = 1.0 / (y * y);
            double num = ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z
                    + 0.125781726111229246) * z + 0.0160837851487422766) * z + 6.58749161529837803e-4;
            double den = ((((z + 2.56852019228982242) * z + 1.87295284992346047) * z
                    + 0.527905102951428412) * z + 0.0605183413124413191) * z + 2.33520497626869185e-3;
            erfc = expMinusSquare(y) * (0.56418958354775628695 - z * num / den) / y;
        } else {
            erfc = 0.0; // below the smallest double
        }
        double r = 1.0 - erfc;
        return x < 0 ? -r : r;
    }

    /**
     * {@code exp(-y^2)} without the rounding error of squaring a large y: split y^2 into the square of
     * y rounded down to a multiple of 1/16 (exact) and a small remainder.
     */
    private static double expMinusSquare(double y) {
        double head = Math.floor(16.0 * y) / 16.0;
        double rest = (y - head) * (y + head);
        return Math.exp(-head * head) * Math.exp(-rest);
    }
}
