package ai.finetune.labeling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Puts items into the queue: rankings of K = 4..9 outputs and blind A/B pairs. The comparison-sampling job calls
 * this; so do tests. Overlap items are chosen by count ({@link QueueRules#chosenForOverlap}).
 */
@ApplicationScoped
@Transactional
public class LabelingItems {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    LabelingSettings settings = LabelingSettings.fromSystemProperties();

    public LabelingItem createRanking(String prompt, List<ModelOutput> outputs, String createdBy) {
        return create(ItemKind.RANKING, prompt, outputs, createdBy);
    }

    public LabelingItem createComparison(String prompt, ModelOutput first, ModelOutput second, String createdBy) {
        if (first == null || second == null) {
            throw new LabelingException("an A/B comparison needs exactly 2 outputs");
        }
        if (first.modelName().equals(second.modelName())) {
            throw new LabelingException("an A/B comparison needs two different models; both are '" + first.modelName() + "'");
        }
        return create(ItemKind.AB, prompt, List.of(first, second), createdBy);
    }

    public LabelingItem find(long id) {
        LabelingItem item = em.find(LabelingItem.class, id);
        if (item == null) {
            throw new LabelingException("there is no labeling item " + id);
        }
        return item;
    }

    private LabelingItem create(ItemKind kind, String prompt, List<ModelOutput> outputs, String createdBy) {
        if (prompt == null || prompt.isBlank()) {
            throw new LabelingException("the prompt is empty");
        }
        if (outputs.size() < kind.minOutputs() || outputs.size() > kind.maxOutputs()) {
            throw new LabelingException(kind == ItemKind.RANKING
                    ? "a ranking task needs 4 to 9 outputs, got " + outputs.size()
                    : "an A/B comparison needs exactly 2 outputs, got " + outputs.size());
        }
        for (int i = 0; i < outputs.size(); i++) {
            ModelOutput o = outputs.get(i);
            if (o.text() == null || o.modelName() == null || o.modelName().isBlank()) {
                throw new LabelingException("output " + (i + 1) + " lacks its text or its model name");
            }
        }
        long before = em.createQuery("SELECT COUNT(i) FROM LabelingItem i", Long.class).getSingleResult();
        boolean overlap = QueueRules.chosenForOverlap(before, settings.overlapFraction());
        LabelingItem item = new LabelingItem(kind, prompt, overlap, QueueRules.slotsFor(overlap, settings), createdBy,
                clock.instant());
        outputs.forEach(o -> item.addOutput(o.modelName(), o.text()));
        em.persist(item);
        em.flush(); // the callers want the generated ids of the item and its outputs
        return item;
    }
}
