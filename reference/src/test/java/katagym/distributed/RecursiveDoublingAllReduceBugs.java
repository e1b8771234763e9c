package katagym.distributed;

/** Plausible learner bugs the recursive-doubling-all-reduce spec must catch. */
final class RecursiveDoublingAllReduceBugs {
    private RecursiveDoublingAllReduceBugs() {}

    /** Sends to (r + 2^k) mod p instead of r XOR 2^k: a shift, not a pairwise exchange. */
    static final class PartnerIsRankPlusTwoToTheKModP extends RecursiveDoublingAllReduceReference {
        @Override
        int partner(int r, int k, int p) { return (r + (1 << k)) % p; }
    }

    /** Stops one round early (loops while 2^(k+1) < p), so each rank holds only half the sum. */
    static final class OneRoundShort extends RecursiveDoublingAllReduceReference {
        @Override
        int rounds(int p) { return Math.max(0, Integer.numberOfTrailingZeros(p) - 1); }
    }

    /** Replaces its vector by the partner's instead of adding it. */
    static final class OverwritesInsteadOfAdding extends RecursiveDoublingAllReduceReference {
        @Override
        void combine(double[] own, double[] received) {
            System.arraycopy(received, 0, own, 0, own.length);
        }
    }

    /** Runs p - 1 rounds with partner r XOR 2^(k mod log2 p), repeating rounds and over-counting the sum. */
    static final class LinearNumberOfRounds extends RecursiveDoublingAllReduceReference {
        @Override
        int rounds(int p) { return p - 1; }

        @Override
        int partner(int r, int k, int p) { return r ^ (1 << (k % Math.max(1, Integer.numberOfTrailingZeros(p)))); }
    }

    /** Accepts any p, silently leaving the ranks beyond the largest power of two out of the sum. */
    static final class AcceptsAnyP extends RecursiveDoublingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            int p = Integer.highestOneBit(inputs.length);
            double[][] head = java.util.Arrays.copyOf(inputs, p);
            Result r = super.allReduce(head);
            if (p == inputs.length) return r;
            double[][] out = java.util.Arrays.copyOf(r.outputs(), inputs.length);
            for (int k = p; k < inputs.length; k++) out[k] = inputs[k].clone();
            return new Result(out, r.log());
        }
    }
}
