package ai.finetune.labeling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The assignment queue. {@link #next} gives an active labeler one of the oldest items that still have a free slot
 * and that they have not judged, under a time-limited lease; a lease that runs out frees its slot for the next
 * caller. An item's slots (1, or 3 for overlap items) are counted under a row lock on the item
 * ({@link ItemClaims}), so two concurrent callers cannot both take its last slot, on H2 as on PostgreSQL. A labeler holds at most one live lease per kind of item:
 * asking again returns the same work, with its draft.
 */
@ApplicationScoped
@Transactional
public class LabelingQueue {

    @jakarta.inject.Inject
    ItemClaims claims;

    /** How many free candidates to try under lock before giving up: enough when others race for the same ones. */
    private static final int CANDIDATES = 20;

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    LabelingSettings settings = LabelingSettings.fromSystemProperties();

    /**
     * The labeler's current or next task of the given kind (null: any kind); empty when the queue has none. Runs
     * outside a transaction: each candidate is claimed in its own short one ({@link ItemClaims}).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Assignment> next(String labeler, ItemKind kind) {
        requireActive(labeler);
        Instant now = clock.instant();
        var liveQuery = em.createQuery(
                        "SELECT a FROM Assignment a WHERE a.labeler = :l AND a.state = :leased AND a.leaseExpiresAt > :now"
                                + (kind == null ? "" : " AND a.item.kind = :kind") + " ORDER BY a.id", Assignment.class)
                .setParameter("l", labeler)
                .setParameter("leased", AssignmentState.LEASED)
                .setParameter("now", now);
        if (kind != null) {
            liveQuery.setParameter("kind", kind);
        }
        List<Assignment> live = liveQuery.getResultList();
        if (!live.isEmpty()) {
            return Optional.of(live.get(0));
        }
        for (Long itemId : freeCandidates(labeler, kind, now)) {
            Long claimed = claims.claim(itemId, labeler);
            if (claimed != null) {
                return Optional.of(em.find(Assignment.class, claimed));
            }
        }
        return Optional.empty();
    }

    /** Saves a ranking: every output ranked once, each with a 1-7 score; all or nothing. */
    public Assignment submitRanking(long assignmentId, String labeler, RankingInput input) {
        Assignment a = ownOpenAssignment(assignmentId, labeler);
        LabelingItem item = a.getItem();
        if (item.getKind() != ItemKind.RANKING) {
            throw new LabelingException("item " + item.getId() + " is an A/B comparison: submit a verdict, not a ranking");
        }
        input.order().requireCovers(item.outputIds());
        Map<Long, Integer> ranks = input.order().ranks();
        List<RankingEntry> entries = new ArrayList<>();
        for (LabelingOutput o : item.getOutputs()) {
            Integer score = input.scores().get(o.getId());
            if (score == null) {
                throw new LabelingException("output " + (o.getPosition() + 1) + " has no 1-7 quality score");
            }
            if (score < 1 || score > 7) {
                throw new LabelingException("output " + (o.getPosition() + 1) + " has score " + score + "; scores are 1 to 7");
            }
            Set<MetadataFlag> flags = input.flags().getOrDefault(o.getId(), Set.of());
            entries.add(new RankingEntry(a, o, ranks.get(o.getId()), score, flags));
        }
        entries.forEach(em::persist);
        a.submitRanking(entries, clock.instant());
        return a;
    }

    /** Saves an A/B verdict, given about what the labeler saw (left/right) and stored about the stored order. */
    public Assignment submitVerdict(long assignmentId, String labeler, Verdict shownVerdict) {
        if (shownVerdict == null) {
            throw new LabelingException("choose left, right, tie or both bad");
        }
        Assignment a = ownOpenAssignment(assignmentId, labeler);
        if (a.getItem().getKind() != ItemKind.AB) {
            throw new LabelingException("item " + a.getItem().getId() + " is a ranking task: submit a ranking, not a verdict");
        }
        a.submitVerdict(unswap(shownVerdict, a.isShownSwapped()), clock.instant());
        return a;
    }

    /** Keeps partial work (the page's state as text) with the assignment; it survives an expired lease. */
    public void saveDraft(long assignmentId, String labeler, String draft) {
        if (draft != null && draft.length() > 20000) {
            throw new LabelingException("the draft is " + draft.length() + " characters; at most 20000 are kept");
        }
        Assignment a = own(assignmentId, labeler);
        if (a.getState() == AssignmentState.SUBMITTED) {
            throw new LabelingException("assignment " + assignmentId + " is already submitted");
        }
        a.saveDraft(draft);
    }

    /** An assignment of the caller's (admins may read anyone's). */
    public Assignment read(long assignmentId, String caller, boolean admin) {
        Assignment a = em.find(Assignment.class, assignmentId);
        if (a == null || (!admin && !a.getLabeler().equals(caller))) {
            throw LabelingException.forbidden("there is no assignment " + assignmentId + " of yours");
        }
        a.getItem().getOutputs().size();
        a.getEntries().size();
        return a;
    }

    /** The caller's submitted and open work, newest first. */
    public List<Assignment> history(String labeler) {
        return em.createQuery("SELECT a FROM Assignment a WHERE a.labeler = :l ORDER BY a.id DESC", Assignment.class)
                .setParameter("l", labeler)
                .setMaxResults(200)
                .getResultList();
    }

    static Verdict unswap(Verdict shown, boolean swapped) {
        if (!swapped) {
            return shown;
        }
        return switch (shown) {
            case FIRST -> Verdict.SECOND;
            case SECOND -> Verdict.FIRST;
            default -> shown;
        };
    }

    private void requireActive(String labeler) {
        ActiveLabelers.require(em, labeler);
    }

    private List<Long> freeCandidates(String labeler, ItemKind kind, Instant now) {
        var q = em.createQuery("SELECT i.id FROM LabelingItem i WHERE "
                        + (kind == null ? "" : "i.kind = :kind AND ")
                        + "NOT EXISTS (SELECT s FROM Assignment s WHERE s.item = i AND s.labeler = :l AND s.state = :submitted)"
                        + " AND (SELECT COUNT(b) FROM Assignment b WHERE b.item = i AND (b.state = :submitted"
                        + " OR (b.state = :leased AND b.leaseExpiresAt > :now))) < i.slots ORDER BY i.id", Long.class)
                .setParameter("l", labeler)
                .setParameter("submitted", AssignmentState.SUBMITTED)
                .setParameter("leased", AssignmentState.LEASED)
                .setParameter("now", now);
        if (kind != null) {
            q.setParameter("kind", kind);
        }
        // the oldest free items in random order: concurrent callers then lock different rows instead of queueing on one
        List<Long> ids = new ArrayList<>(q.setMaxResults(CANDIDATES).getResultList());
        java.util.Collections.shuffle(ids, ThreadLocalRandom.current());
        return ids;
    }

    /** Counted in the database, not from cached entities: another request may have just changed a lease. */
    private long countOccupying(LabelingItem item, Instant now, Assignment except) {
        return em.createQuery("SELECT COUNT(b) FROM Assignment b WHERE b.item = :i AND b.id <> :except AND (b.state = :submitted"
                        + " OR (b.state = :leased AND b.leaseExpiresAt > :now))", Long.class)
                .setParameter("i", item)
                .setParameter("except", except == null ? -1L : except.getId())
                .setParameter("submitted", AssignmentState.SUBMITTED)
                .setParameter("leased", AssignmentState.LEASED)
                .setParameter("now", now)
                .getSingleResult();
    }

    private Assignment own(long assignmentId, String labeler) {
        Assignment a = em.find(Assignment.class, assignmentId);
        if (a == null || !a.getLabeler().equals(labeler)) {
            throw LabelingException.forbidden("there is no assignment " + assignmentId + " of yours");
        }
        return a;
    }

    /**
     * The caller's assignment, still open. A submission after the lease ran out is still taken while the item has
     * a free slot (nobody else took it), so slow work is not lost; otherwise the labeler is told what happened.
     */
    private Assignment ownOpenAssignment(long assignmentId, String labeler) {
        Assignment a = own(assignmentId, labeler);
        if (a.getState() == AssignmentState.SUBMITTED) {
            throw new LabelingException("assignment " + assignmentId + " was already submitted at " + a.getSubmittedAt());
        }
        Instant now = clock.instant();
        if (!a.isLeaseLive(now)) {
            LabelingItem item = em.find(LabelingItem.class, a.getItem().getId(), LockModeType.PESSIMISTIC_WRITE);
            if (countOccupying(item, now, a) >= item.getSlots()) {
                throw new LabelingException("your lease on item " + item.getId() + " ended at " + a.getLeaseExpiresAt()
                        + " and the item went to another labeler; take the next task");
            }
        }
        return a;
    }

    /** Per output id, which output the labeler saw in each display position (A/B: the randomised order). */
    public static List<LabelingOutput> shownOrder(Assignment a) {
        List<LabelingOutput> outs = new ArrayList<>(a.getItem().getOutputs());
        if (a.isShownSwapped()) {
            java.util.Collections.reverse(outs);
        }
        return outs;
    }

    static Map<Long, Integer> ranksOf(Assignment a) {
        Map<Long, Integer> ranks = new HashMap<>();
        a.getEntries().forEach(e -> ranks.put(e.getOutput().getId(), e.getRank()));
        return ranks;
    }
}
