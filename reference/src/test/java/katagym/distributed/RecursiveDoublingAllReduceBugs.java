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

    /** With one rank there are no rounds, so it returns the caller's arrays as the outputs (aliasing the input). */
    static final class ReturnsTheInputsForOneRank extends RecursiveDoublingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            if (inputs.length == 1) return new Result(inputs, new java.util.ArrayList<>());
            return super.allReduce(inputs);
        }
    }

    /** Checks only that p is even ("pairs need an even count"): p = 6 or 12 runs with partners outside the ranks. */
    static final class RejectsOnlyOddP extends RecursiveDoublingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            int p = inputs.length;
            if (p > 1 && p % 2 != 0) throw new IllegalArgumentException("odd p");
            if (Integer.bitCount(p) == 1) return super.allReduce(inputs);
            int n = inputs[0].length;
            double[][] buf = new double[p][];
            for (int r = 0; r < p; r++) buf[r] = inputs[r].clone();
            java.util.List<Message> log = new java.util.ArrayList<>();
            for (int k = 0; (1 << k) < p; k++) {
                double[][] before = new double[p][];
                for (int r = 0; r < p; r++) before[r] = buf[r].clone();
                for (int r = 0; r < p; r++) {
                    int partner = r ^ (1 << k);
                    if (partner >= p) continue;
                    log.add(new Message(k, r, partner, n));
                    for (int j = 0; j < n; j++) buf[r][j] += before[partner][j];
                }
            }
            return new Result(buf, log);
        }
    }

    /** Adds the partner's vector in place without a snapshot: the partner may already hold this round's sum. */
    static final class NoSnapshotWithinARound extends RecursiveDoublingAllReduceReference {
        @Override
        public Result allReduce(double[][] inputs) {
            int p = inputs.length;
            if (Integer.bitCount(p) != 1) throw new IllegalArgumentException("p = " + p);
            int n = inputs[0].length;
            double[][] buf = new double[p][];
            for (int r = 0; r < p; r++) buf[r] = inputs[r].clone();
            java.util.List<Message> log = new java.util.ArrayList<>();
            for (int k = 0; (1 << k) < p; k++) {
                for (int r = 0; r < p; r++) log.add(new Message(k, r, r ^ (1 << k), n));
                for (int r = 0; r < p; r++) combine(buf[r], buf[r ^ (1 << k)]);
            }
            return new Result(buf, log);
        }
    }
}
