package katagym.grader.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StrictReviewTest {
    @AfterEach
    void clearTheProperty() { System.clearProperty(StrictReview.PROPERTY); }

    @Test
    void strictReviewIsOffUnlessTheLearnerSetsAWholeNumberOfDays() {
        assertThat(StrictReview.limitFromSystemProperties()).isEmpty();
        System.setProperty(StrictReview.PROPERTY, "7");
        assertThat(StrictReview.limitFromSystemProperties()).hasValue(7);
        System.setProperty(StrictReview.PROPERTY, "-1");
        assertThatThrownBy(StrictReview::limitFromSystemProperties).hasMessageContaining("whole number of days");
        System.setProperty(StrictReview.PROPERTY, "a week");
        assertThatThrownBy(StrictReview::limitFromSystemProperties).hasMessageContaining("'a week'");
    }

    @Test
    void theMessageNamesEachLateKataAndHowLate() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(StrictReview.message(List.of(new DueItems.DueKata("softmax", t, 12, 0), new DueItems.DueKata("relu", t, 8, 1)), 7))
                .isEqualTo("strict review: 2 reviews are more than 7 days overdue: softmax (12 days overdue), relu (8 days overdue); run ./kata review");
    }
}
