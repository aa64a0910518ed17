package ai.finetune.labeling;

/**
 * A blind A/B judgement, stored about the item's stored outputs (position 0 = FIRST, 1 = SECOND), never about the
 * randomised order the labeler saw.
 */
public enum Verdict {
    FIRST,
    SECOND,
    TIE,
    BOTH_BAD
}
