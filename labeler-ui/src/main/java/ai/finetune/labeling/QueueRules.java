package ai.finetune.labeling;

import java.time.Instant;

/** The assignment queue's decisions, free of the database so they can be tested on their own. */
public final class QueueRules {

    private QueueRules() {
    }

    /** Whether an assignment holds one of its item's slots at {@code now}: submitted, or leased and not expired. */
    public static boolean occupiesSlot(AssignmentState state, Instant leaseExpiresAt, Instant now) {
        return state == AssignmentState.SUBMITTED
                || (state == AssignmentState.LEASED && leaseExpiresAt.isAfter(now));
    }

    /**
     * Whether the item created after {@code itemsBefore} others is one of the overlap items. The choice is by
     * count, not by chance, so exactly {@code floor(n * fraction)} of the first n items overlap (10% of every
     * ten at the default), and a small batch still gets its share.
     */
    public static boolean chosenForOverlap(long itemsBefore, double overlapFraction) {
        return Math.floor((itemsBefore + 1) * overlapFraction) > Math.floor(itemsBefore * overlapFraction);
    }

    /** How many labelers an item goes to. */
    public static int slotsFor(boolean overlap, LabelingSettings settings) {
        return overlap ? settings.overlapLabelers() : 1;
    }

    /** Whether a lease taken at {@code now} ends at the configured time. */
    public static Instant leaseEnd(Instant now, LabelingSettings settings) {
        return now.plus(settings.lease());
    }
}
