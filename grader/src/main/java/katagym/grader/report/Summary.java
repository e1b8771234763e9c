package katagym.grader.report;

import java.util.List;

public record Summary(int total, int passed, int failed, int pending) {
    public static Summary of(List<KataReport> katas) {
        int p = 0, f = 0, q = 0;
        for (KataReport k : katas) {
            switch (k.status()) {
                case PASSED -> p++;
                case FAILED -> f++;
                default -> q++;
            }
        }
        return new Summary(katas.size(), p, f, q);
    }
}
