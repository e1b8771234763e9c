package katagym.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import katagym.web.store.GroupStore.DayCount;
import org.junit.jupiter.api.Test;

/** What the page models compute before a template sees them: readable times and the activity days. */
class PageModelsTest {
    @Test
    void anInstantReadsAsDayMonthYearAndMinutesInUtc() {
        assertThat(Views.readable("2026-12-02T04:00:33.624517758Z")).isEqualTo("2 Dec 2026, 04:00 UTC");
        assertThat(Views.readable("2026-01-15T23:59:59Z")).isEqualTo("15 Jan 2026, 23:59 UTC");
        assertThat(Views.readable("yesterday")).as("not an instant: shown as it came").isEqualTo("yesterday");
        assertThat(Views.readable(null)).isEmpty();
    }

    @Test
    void theActivityHasEveryOneOfTheLastThirtyDaysWithZerosForQuietDays() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<DayCount> days = Dashboard.everyDay(List.of(new DayCount(today.minusDays(3).toString(), 4),
                new DayCount(today.toString(), 1), new DayCount(today.minusDays(90).toString(), 7)), 30);
        assertThat(days).hasSize(30);
        assertThat(days.get(0).day()).isEqualTo(today.minusDays(29).toString());
        assertThat(days.get(29)).isEqualTo(new DayCount(today.toString(), 1));
        assertThat(days.get(26)).isEqualTo(new DayCount(today.minusDays(3).toString(), 4));
        assertThat(days.stream().mapToInt(DayCount::runs).sum()).as("a day outside the window is left out").isEqualTo(5);
    }
}
