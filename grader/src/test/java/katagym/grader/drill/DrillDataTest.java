package katagym.grader.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.api.Test;

/**
 * The shipped drill data (katas/src/main/resources/drills): every file follows the format, every answer
 * the data gives is one the engine grades as right, and together the drills cover every curriculum point.
 */
class DrillDataTest {
    static final Path ROOT = ProjectRoot.find();

    static Drills data() { return Drills.load(ROOT, Catalogue.standard()); }

    @Test
    void everyDrillFileParsesAndFollowsTheFormat() {
        // load() checks every rule: ids unique across files, curriculum ids in curriculum.md, see resolving
        // to a catalogue slug or a topic page, option and item counts, numeric answers; it throws on any problem
        Drills drills = data();
        Set<String> ids = new HashSet<>();
        for (Drill d : drills.all()) assertThat(ids.add(d.id())).as("id " + d.id() + " is unique").isTrue();
        for (Drill d : drills.all()) {
            if (d.seeKata() != null) assertThat(Catalogue.standard().find(d.seeKata())).as(d.id() + " see").isPresent();
            else assertThat(ROOT.resolve("katas/src/main/resources/topics/" + d.seeTopicPage() + ".md")).as(d.id() + " see").isRegularFile();
        }
    }

    @Test
    void theDataAnswerOfEveryDrillIsGradedRight() {
        // the answer as a learner would type it, through the same reading and grading as the terminal and the page
        List<String> wrong = new ArrayList<>();
        for (Drill d : data().all()) {
            Asked q = Asked.of(d, new Random(d.id().hashCode()));
            String typed = switch (d.kind()) {
                case NUMERIC -> Double.toString(d.value());
                case CHOICE, MULTIPLE -> String.join(",", d.correct().stream().map(o -> Drill.label(q.shown().indexOf(o))).toList());
                case ORDER -> {
                    List<String> labels = new ArrayList<>();
                    for (int k = 0; k < d.items().size(); k++) labels.add(Drill.label(q.shown().indexOf(k)));
                    yield String.join(" ", labels);
                }
            };
            if (!q.grade(typed).correct()) wrong.add(d.id() + ": '" + typed + "'");
            if (d.kind() == Drill.Kind.NUMERIC && d.value() != 0 && q.grade(Double.toString(d.value() * 1.5)).correct()) {
                wrong.add(d.id() + ": 1.5 times the answer is graded right (tolerance " + d.tolerance() + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** At least 80 drills, and every id of curriculum.md drilled by at least one. */
    @Test
    void theDrillsCoverEveryCurriculumPointWithAtLeastEightyDrills() {
        Drills drills = data();
        Map<String, Integer> perTopic = new LinkedHashMap<>();
        for (Drill d : drills.all()) perTopic.merge(d.topic(), 1, Integer::sum);
        Set<String> covered = new HashSet<>();
        for (Drill d : drills.all()) covered.addAll(d.curriculum());
        List<String> uncovered = new ArrayList<>(Drills.curriculumIds(ROOT));
        assertThat(uncovered).as("curriculum ids").hasSizeGreaterThan(40);
        uncovered.removeAll(covered);
        assertThat(drills.all()).as("drills in " + Drills.DIR + " per topic: " + perTopic).hasSizeGreaterThanOrEqualTo(80);
        assertThat(uncovered).as("curriculum ids no drill covers").isEmpty();
    }

    /**
     * Options are shown shuffled, so the right option's place tells nothing; its length must not either. By
     * chance it is the longest in about a quarter of the drills: more than a third means the right options are
     * written as claims with their justification and the wrong ones as bare phrases.
     */
    @Test
    void theRightOptionIsNotGivenAwayByBeingTheLongest() {
        int choices = 0, longest = 0;
        for (Drill d : data().all()) {
            if (d.kind() != Drill.Kind.CHOICE) continue;
            choices++;
            int right = d.options().get(d.correct().get(0)).length();
            int others = 0;
            for (int i = 0; i < d.options().size(); i++) if (i != d.correct().get(0)) others = Math.max(others, d.options().get(i).length());
            if (right > others) longest++;
        }
        assertThat(longest).as("choice drills whose right option is the strictly longest, of " + choices).isLessThanOrEqualTo(choices / 3);
    }
}
