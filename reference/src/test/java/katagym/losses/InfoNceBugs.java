package katagym.losses;

/** Plausible learner bugs the info-nce spec must catch. */
final class InfoNceBugs {
    private InfoNceBugs() {}

    /** Raw dot products instead of cosine similarities (no normalisation, forward and backward). */
    static final class DotProductsInsteadOfCosine extends InfoNceReference {
        @Override
        protected double[][] normalize(double[][] m) {
            double[][] out = new double[m.length][];
            for (int i = 0; i < m.length; i++) out[i] = m[i].clone();
            return out;
        }

        @Override
        protected double[][] backThroughNormalize(double[][] dUnit, double[][] raw, double[][] unit) {
            return dUnit;
        }
    }

    /** Forgets to divide the similarities by the temperature. */
    static final class ForgetsTheTemperature extends InfoNceReference {
        @Override
        public double loss(double[][] queries, double[][] keys, double temperature) {
            return super.loss(queries, keys, 1.0);
        }

        @Override
        public Gradients gradients(double[][] queries, double[][] keys, double temperature) {
            return super.gradients(queries, keys, 1.0);
        }
    }

    /** Back through x / |x| only divides by the norm: the projection removing the radial part is missing. */
    static final class GradientIgnoresTheNormalisationJacobian extends InfoNceReference {
        @Override
        protected double[][] backThroughNormalize(double[][] dUnit, double[][] raw, double[][] unit) {
            double[][] dx = new double[raw.length][];
            for (int i = 0; i < raw.length; i++) {
                double norm = Math.sqrt(dot(raw[i], raw[i]));
                dx[i] = new double[raw[i].length];
                for (int d = 0; d < dx[i].length; d++) dx[i][d] = dUnit[i][d] / norm;
            }
            return dx;
        }
    }

    /** Only back-propagates into the queries: the keys' gradient ignores their role as negatives (diagonal only). */
    static final class KeysGetOnlyThePositiveGradient extends InfoNceReference {
        @Override
        public Gradients gradients(double[][] queries, double[][] keys, double temperature) {
            int n = queries.length, dim = queries[0].length;
            double[][] qUnit = normalize(queries), kUnit = normalize(keys);
            double[][] logp = logSoftmax(qUnit, kUnit, temperature);
            double[][] dkUnit = new double[n][dim];
            for (int i = 0; i < n; i++) {
                double g = (Math.exp(logp[i][i]) - 1) / (n * temperature);
                for (int d = 0; d < dim; d++) dkUnit[i][d] += g * qUnit[i][d];
            }
            return new Gradients(super.gradients(queries, keys, temperature).dqueries(), backThroughNormalize(dkUnit, keys, kUnit));
        }
    }

    /** Keeps the gradient matrices in fields to save allocations: the next call overwrites the caller's earlier gradients. */
    static final class ReusesGradientBuffers extends InfoNceReference {
        private double[][] dq = new double[0][], dk = new double[0][];

        @Override
        public Gradients gradients(double[][] queries, double[][] keys, double temperature) {
            Gradients g = super.gradients(queries, keys, temperature);
            int n = queries.length, dim = queries[0].length;
            if (dq.length != n || dq[0].length != dim) { dq = new double[n][dim]; dk = new double[n][dim]; }
            for (int i = 0; i < n; i++) {
                System.arraycopy(g.dqueries()[i], 0, dq[i], 0, dim);
                System.arraycopy(g.dkeys()[i], 0, dk[i], 0, dim);
            }
            return new Gradients(dq, dk);
        }
    }

    /** log(sum(exp(s))) without subtracting the row max: exp(cos / temperature) overflows for small temperatures. */
    static final class NoMaxSubtraction extends InfoNceReference {
        @Override
        public double loss(double[][] queries, double[][] keys, double temperature) {
            double[][] q = normalize(queries), k = normalize(keys);
            int n = q.length;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j < n; j++) z += Math.exp(dot(q[i], k[j]) / temperature);
                sum -= dot(q[i], k[i]) / temperature - Math.log(z);
            }
            return sum / n;
        }
    }

    /** Normalises with sqrt(|x|^2 + 1e-12) "for safety": right for ordinary rows, far off for rows of norm 1e-6. */
    static final class EpsilonInsideTheNorm extends InfoNceReference {
        @Override
        protected double[][] normalize(double[][] m) {
            double[][] out = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                double norm = Math.sqrt(dot(m[i], m[i]) + 1e-12);
                out[i] = new double[m[i].length];
                for (int d = 0; d < out[i].length; d++) out[i][d] = m[i][d] / norm;
            }
            return out;
        }
    }

    /** CLIP's symmetric loss: averages the query-to-key and the key-to-query directions. */
    static final class SymmetricLoss extends InfoNceReference {
        @Override
        public double loss(double[][] queries, double[][] keys, double temperature) {
            return (super.loss(queries, keys, temperature) + super.loss(keys, queries, temperature)) / 2;
        }
    }
}
