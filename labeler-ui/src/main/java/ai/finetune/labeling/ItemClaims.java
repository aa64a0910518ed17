package ai.finetune.labeling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Takes one slot of one item for a labeler, in its own short transaction that locks only that item's row. One lock
 * per transaction means draws never deadlock and never wait on each other for long; {@link LabelingQueue} tries
 * candidates in random order, so concurrent labelers mostly lock different rows.
 */
@ApplicationScoped
public class ItemClaims {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    LabelingSettings settings = LabelingSettings.fromSystemProperties();

    /** @return the id of the leased assignment, or null when the item has no free slot for this labeler */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Long claim(long itemId, String labeler) {
        Instant now = clock.instant();
        LabelingItem item = em.find(LabelingItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        // counted again under the lock: the candidate query may have raced with another labeler
        if (item == null || occupying(item, now) >= item.getSlots()) {
            return null;
        }
        List<Assignment> mine = em.createQuery("SELECT a FROM Assignment a WHERE a.item = :i AND a.labeler = :l", Assignment.class)
                .setParameter("i", item).setParameter("l", labeler).getResultList();
        if (!mine.isEmpty() && mine.get(0).getState() == AssignmentState.SUBMITTED) {
            return null;
        }
        em.createQuery("SELECT b FROM Assignment b WHERE b.item = :i AND b.state = :leased", Assignment.class)
                .setParameter("i", item).setParameter("leased", AssignmentState.LEASED)
                .getResultList().stream()
                .filter(b -> !b.getLeaseExpiresAt().isAfter(now))
                .forEach(Assignment::expire);
        Instant leaseEnd = QueueRules.leaseEnd(now, settings);
        Assignment a;
        if (!mine.isEmpty()) {
            a = mine.get(0);
            a.lease(now, leaseEnd);
        } else {
            a = new Assignment(item, labeler, item.getKind() == ItemKind.AB && ThreadLocalRandom.current().nextBoolean(),
                    now, leaseEnd);
            em.persist(a);
        }
        em.flush();
        return a.getId();
    }

    /** Counted in the database, not from cached entities: another request may have just changed a lease. */
    long occupying(LabelingItem item, Instant now) {
        return em.createQuery("SELECT COUNT(b) FROM Assignment b WHERE b.item = :i AND (b.state = :submitted"
                        + " OR (b.state = :leased AND b.leaseExpiresAt > :now))", Long.class)
                .setParameter("i", item)
                .setParameter("submitted", AssignmentState.SUBMITTED)
                .setParameter("leased", AssignmentState.LEASED)
                .setParameter("now", now)
                .getSingleResult();
    }
}
