package ai.finetune.labeling.prompts;

import ai.finetune.labeling.ActiveLabelers;
import ai.finetune.labeling.LabelingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Demonstrations: labelers write ideal responses to seeded prompts (not duplicates, not their own, one
 * demonstration per prompt in review or accepted); admins accept them (SFT data) or send them back with a note.
 */
@ApplicationScoped
@Transactional
public class Demonstrations {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** The oldest prompt that needs a demonstration and that the labeler did not write. */
    public Optional<LabelingPrompt> nextPrompt(String labeler) {
        return em.createQuery("SELECT p FROM LabelingPrompt p WHERE p.duplicateOf IS NULL AND p.author <> :l"
                        + " AND NOT EXISTS (SELECT d FROM Demonstration d WHERE d.prompt = p AND d.state <> :back)"
                        + " ORDER BY p.id", LabelingPrompt.class)
                .setParameter("l", labeler)
                .setParameter("back", Demonstration.State.SENT_BACK)
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** A prompt by id (the editor reopens the prompt of a saved draft). */
    public Optional<LabelingPrompt> prompt(long id) {
        return Optional.ofNullable(em.find(LabelingPrompt.class, id));
    }

    public Demonstration write(String labeler, long promptId, String text) {
        ActiveLabelers.require(em, labeler);
        requireText(text);
        LabelingPrompt p = em.find(LabelingPrompt.class, promptId);
        if (p == null) {
            throw new LabelingException("there is no prompt " + promptId);
        }
        if (p.isDuplicate()) {
            throw new LabelingException("prompt " + promptId + " is a duplicate and gets no demonstration");
        }
        long taken = em.createQuery("SELECT COUNT(d) FROM Demonstration d WHERE d.prompt = :p AND d.state <> :back", Long.class)
                .setParameter("p", p).setParameter("back", Demonstration.State.SENT_BACK).getSingleResult();
        if (taken > 0) {
            throw new LabelingException("prompt " + promptId + " already has a demonstration");
        }
        Demonstration d = new Demonstration(p, labeler, text.strip(), clock.instant());
        em.persist(d);
        // sent for review: the unfinished copy is no longer needed (same transaction, so neither outlives the other)
        em.createNativeQuery("DELETE FROM labeling_demonstration_draft WHERE author = ? AND prompt_id = ?")
                .setParameter(1, labeler).setParameter(2, promptId).executeUpdate();
        em.flush();
        return d;
    }

    /** The author revises a sent-back demonstration; it goes back to review. */
    public Demonstration revise(String labeler, long id, String text) {
        requireText(text);
        Demonstration d = em.find(Demonstration.class, id);
        if (d == null || !d.getAuthor().equals(labeler)) {
            throw LabelingException.forbidden("there is no demonstration " + id + " of yours");
        }
        if (d.getState() != Demonstration.State.SENT_BACK) {
            throw new LabelingException("demonstration " + id + " is " + d.getState() + "; only sent-back ones are revised");
        }
        d.revise(text.strip(), clock.instant());
        return d;
    }

    public Demonstration review(long id, boolean accept, String note, String admin) {
        Demonstration d = em.find(Demonstration.class, id);
        if (d == null) {
            throw new LabelingException("there is no demonstration " + id);
        }
        if (d.getState() != Demonstration.State.SUBMITTED) {
            throw new LabelingException("demonstration " + id + " is " + d.getState() + ", not waiting for review");
        }
        if (!accept && (note == null || note.isBlank())) {
            throw new LabelingException("say why you send demonstration " + id + " back");
        }
        d.review(accept, note == null || note.isBlank() ? null : note.strip(), admin, clock.instant());
        return d;
    }

    public List<Demonstration> mine(String labeler) {
        return em.createQuery("SELECT d FROM Demonstration d WHERE d.author = :l ORDER BY d.id DESC", Demonstration.class)
                .setParameter("l", labeler).getResultList();
    }

    public List<Demonstration> waitingForReview() {
        return byState(Demonstration.State.SUBMITTED);
    }

    /** Accepted demonstrations: the SFT data set. */
    public List<Demonstration> accepted() {
        return byState(Demonstration.State.ACCEPTED);
    }

    private List<Demonstration> byState(Demonstration.State state) {
        return em.createQuery("SELECT d FROM Demonstration d WHERE d.state = :s ORDER BY d.id", Demonstration.class)
                .setParameter("s", state).getResultList();
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new LabelingException("the demonstration is empty: write the ideal response");
        }
        if (text.length() > 20000) {
            throw new LabelingException("the demonstration is " + text.length() + " characters; at most 20000");
        }
    }
}
