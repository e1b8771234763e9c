package katagym.grader.run;

/** The commands that replay a failure, printed under every counterexample. */
public final class Replay {
    private Replay() {}

    public static String cli(String slug, long seed) {
        return "./kata grade " + slug + " --seed " + seed;
    }

    public static String maven(String slug, long seed) {
        return "mvn test -pl katas -am -Dkata.only=" + slug + " -Dkata.seed=" + seed;
    }
}
