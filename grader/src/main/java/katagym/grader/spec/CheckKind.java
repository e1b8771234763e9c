package katagym.grader.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of check of CATALOG.md. */
public enum CheckKind {
    /** Equals the reference solution within tolerance on generated inputs. */
    ORACLE,
    /** A property any correct answer has, independent of the reference. */
    INVARIANT,
    /** Backward agrees with central differences of the subject's own forward. */
    GRADCHECK,
    /** Agrees with vectors computed by PyTorch / numpy / scikit-learn. */
    GOLDEN,
    /** Extreme inputs give finite, correct results. */
    STABILITY,
    /** An operation count stays within a bound. */
    OPS,
    /** A fixed, hand-worked edge case (ties, empties, the smallest sizes): fails on every seed. */
    EXAMPLE;

    @JsonValue
    public String id() { return name().toLowerCase(); }
}
