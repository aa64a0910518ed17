package ai.finetune.labeling.prompts;

import ai.finetune.labeling.ActiveLabelers;
import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.LabelingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Prompt seeding: labelers write prompts (at most 200 each, {@code portal.labeling.maxPromptsPerLabeler}); a prompt
 * sharing a long common prefix with an earlier one is stored as its duplicate; the category distribution is
 * counted over the prompts that are not duplicates.
 */
@ApplicationScoped
@Transactional
public class Prompts {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    LabelingSettings settings = LabelingSettings.fromSystemProperties();

    @jakarta.inject.Inject
    UseCases useCases;

    /** A user-based prompt names one of the active use cases admins maintain ({@link UseCases}); others name none. */
    public LabelingPrompt write(String author, PromptKind kind, PromptCategory category, String useCase, String text) {
        ActiveLabelers.require(em, author);
        PromptRules.check(kind, category, useCase, text);
        String chosen = null;
        if (kind == PromptKind.USER_BASED) {
            chosen = useCases.activeByName(useCase.strip()).map(UseCases.UseCase::name).orElseThrow(() -> new LabelingException(
                    "'" + useCase.strip() + "' is not one of the use cases admins list; choose one from the list"));
        }
        long mine = em.createQuery("SELECT COUNT(p) FROM LabelingPrompt p WHERE p.author = :a", Long.class)
                .setParameter("a", author).getSingleResult();
        if (mine >= settings.maxPromptsPerLabeler()) {
            throw new LabelingException("you have written " + mine + " prompts, the most one labeler may write ("
                    + settings.maxPromptsPerLabeler() + ")");
        }
        List<Long> earlier = em.createQuery(
                        "SELECT p.id FROM LabelingPrompt p WHERE p.prefixKey = :k ORDER BY p.id", Long.class)
                .setParameter("k", PromptRules.prefixKey(text))
                .setMaxResults(1)
                .getResultList();
        LabelingPrompt p = new LabelingPrompt(author, kind, category,
                chosen, text.strip(),
                earlier.isEmpty() ? null : earlier.get(0), clock.instant());
        em.persist(p);
        em.flush();
        return p;
    }

    /** The author's prompts, newest first. */
    public List<LabelingPrompt> byAuthor(String author) {
        return em.createQuery("SELECT p FROM LabelingPrompt p WHERE p.author = :a ORDER BY p.id DESC", LabelingPrompt.class)
                .setParameter("a", author).getResultList();
    }

    public long countByAuthor(String author) {
        return em.createQuery("SELECT COUNT(p) FROM LabelingPrompt p WHERE p.author = :a", Long.class)
                .setParameter("a", author).getSingleResult();
    }

    /** Prompts per category (every category present, zero included), duplicates left out. */
    public Map<PromptCategory, Long> categoryCounts() {
        Map<PromptCategory, Long> counts = new EnumMap<>(PromptCategory.class);
        for (PromptCategory c : PromptCategory.values()) {
            counts.put(c, 0L);
        }
        for (Object[] row : em.createQuery("SELECT p.category, COUNT(p) FROM LabelingPrompt p WHERE p.duplicateOf IS NULL "
                + "GROUP BY p.category", Object[].class).getResultList()) {
            counts.put((PromptCategory) row[0], (Long) row[1]);
        }
        return counts;
    }
}
