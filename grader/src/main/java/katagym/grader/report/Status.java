package katagym.grader.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** A kata's or a check's verdict. {@code SKIPPED} is only for checks not run after a timeout. */
public enum Status {
    PASSED, FAILED, PENDING, SKIPPED;

    @JsonValue
    public String id() { return name().toLowerCase(); }
}
