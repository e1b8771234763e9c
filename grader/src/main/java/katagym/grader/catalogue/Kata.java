package katagym.grader.catalogue;

import java.util.List;
import katagym.grader.spec.CheckKind;

/**
 * One catalogue entry. Every name a kata has in the source tree is derived here from its slug and
 * topic, so a newcomer (and the grader) finds stub, reference, spec and statement from the slug alone.
 *
 * @param order 1-based position in the catalogue file: the order in which katas are suggested
 * @param checks the kinds of check its spec must have (CATALOG.md's "checks" column)
 */
public record Kata(int order, String slug, String topic, String title, String difficulty, List<String> hints,
                   List<CheckKind> checks) {

    public Kata(int order, String slug, String topic, String title, String difficulty, List<String> hints) {
        this(order, slug, topic, title, difficulty, hints, List.of());
    }

    /** {@code leaky-relu} becomes {@code LeakyRelu}: the contract's simple name. */
    public String baseName() {
        StringBuilder sb = new StringBuilder();
        for (String part : slug.split("-")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** Java package of everything this kata has: {@code katagym.<topic without hyphens>}. */
    public String javaPackage() {
        return "katagym." + topic.replace("-", "");
    }

    public String contractClass() { return javaPackage() + "." + baseName(); }
    public String specClass() { return contractClass() + "Spec"; }
    public String stubClass() { return contractClass() + "Kata"; }
    public String referenceClass() { return contractClass() + "Reference"; }
    /** Plausible learner bugs kept as fixtures, in the reference module's tests. */
    public String bugsClass() { return contractClass() + "Bugs"; }

    private String packagePath() { return javaPackage().replace('.', '/'); }

    /** The file the learner edits, relative to the repository root. */
    public String stubPath() { return "katas/src/main/java/" + packagePath() + "/" + baseName() + "Kata.java"; }
    public String referencePath() { return "reference/src/main/java/" + packagePath() + "/" + baseName() + "Reference.java"; }
    public String specPath() { return "grader/src/main/java/" + packagePath() + "/" + baseName() + "Spec.java"; }
    public String contractPath() { return "grader/src/main/java/" + packagePath() + "/" + baseName() + ".java"; }
    /** Classpath resource of the statement (it lives in the katas module). */
    public String statementResource() { return "statements/" + slug + ".md"; }
    public String statementPath() { return "katas/src/main/resources/" + statementResource(); }
    /** Model answers to the statement's follow-up questions: shown after an interview, never with the statement. */
    public String answersResource() { return "answers/" + slug + ".md"; }
    public String answersPath() { return "katas/src/main/resources/" + answersResource(); }
}
