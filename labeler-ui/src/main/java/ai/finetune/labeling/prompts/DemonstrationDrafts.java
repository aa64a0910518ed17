package ai.finetune.labeling.prompts;

import ai.finetune.labeling.LabelingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Unfinished demonstrations ({@code labeling_demonstration_draft}, V41): the editor saves them as the labeler types,
 * so partial work survives a reload. Plain SQL: a keyed text column needs no entity (and no change to the portal's
 * persistence unit).
 */
@ApplicationScoped
@Transactional
public class DemonstrationDrafts {

    /** A saved draft: the prompt it answers and the text so far. */
    public record Draft(long promptId, String text) {
    }

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Keeps the text typed so far for this prompt (replacing the previous draft); an empty text drops it. */
    public void save(String author, long promptId, String text) {
        if (text == null || text.isBlank()) {
            discard(author, promptId);
            return;
        }
        if (text.length() > 100000) {
            throw new LabelingException("the draft is " + text.length() + " characters; at most 100000 are kept");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = em.createNativeQuery("UPDATE labeling_demonstration_draft SET text = ?, updated_at = ? WHERE author = ? AND prompt_id = ?")
                .setParameter(1, text).setParameter(2, now).setParameter(3, author).setParameter(4, promptId).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO labeling_demonstration_draft (author, prompt_id, text, updated_at) VALUES (?, ?, ?, ?)")
                    .setParameter(1, author).setParameter(2, promptId).setParameter(3, text).setParameter(4, now).executeUpdate();
        }
    }

    public void discard(String author, long promptId) {
        em.createNativeQuery("DELETE FROM labeling_demonstration_draft WHERE author = ? AND prompt_id = ?")
                .setParameter(1, author).setParameter(2, promptId).executeUpdate();
    }

    /**
     * The author's latest draft for a prompt that still needs a demonstration (none in review or accepted), so that
     * the editor offers that prompt again rather than the next one in line.
     */
    public Optional<Draft> latestOpen(String author) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.prompt_id, d.text FROM labeling_demonstration_draft d WHERE d.author = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM labeling_demonstration x WHERE x.prompt_id = d.prompt_id AND x.state <> 'SENT_BACK')"
                        + " ORDER BY d.updated_at DESC")
                .setParameter(1, author).setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(r -> new Draft(((Number) r[0]).longValue(), (String) r[1]));
    }
}
