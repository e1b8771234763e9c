package katagym.grader.prop;

/** A record sorted by {@code key}; {@code position} is where it stood in the input, to see stability. */
public record Keyed(int key, int position) {
    @Override
    public String toString() { return key + "@" + position; }
}
