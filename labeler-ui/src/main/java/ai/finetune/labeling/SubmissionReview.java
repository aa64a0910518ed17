package ai.finetune.labeling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The latest submissions as an admin reviews them: for a ranking the outputs in the labeler's order with rank and
 * score, for an A/B task both outputs and the verdict. Model output is untrusted text; the page escapes it.
 */
@ApplicationScoped
@Transactional
public class SubmissionReview {

    /** One output as ranked (rank 0 for A/B outputs, which have a verdict instead). */
    public record Ranked(int rank, Integer score, String model, String text) implements Serializable {
        public int getRank() { return rank; }
        public Integer getScore() { return score; }
        public String getModel() { return model; }
        public String getText() { return text; }
    }

    /** One submission. */
    public record Row(long assignment, String labeler, ItemKind kind, String prompt, List<Ranked> outputs, String verdict)
            implements Serializable {
        public long getAssignment() { return assignment; }
        public String getLabeler() { return labeler; }
        public ItemKind getKind() { return kind; }
        public String getPrompt() { return prompt; }
        public List<Ranked> getOutputs() { return outputs; }
        public String getVerdict() { return verdict; }
    }

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    public List<Row> latest(int max) {
        List<Assignment> done = em.createQuery("SELECT a FROM Assignment a WHERE a.state = :s ORDER BY a.submittedAt DESC, a.id DESC",
                        Assignment.class)
                .setParameter("s", AssignmentState.SUBMITTED).setMaxResults(max).getResultList();
        List<Row> rows = new ArrayList<>();
        for (Assignment a : done) {
            List<Ranked> outs = new ArrayList<>();
            if (a.getItem().getKind() == ItemKind.RANKING) {
                a.getEntries().stream().sorted(Comparator.comparingInt(RankingEntry::getRank))
                        .forEach(e -> outs.add(new Ranked(e.getRank(), e.getScore(), e.getOutput().getModelName(), e.getOutput().getText())));
            } else {
                a.getItem().getOutputs().forEach(o -> outs.add(new Ranked(0, null, o.getModelName(), o.getText())));
            }
            rows.add(new Row(a.getId(), a.getLabeler(), a.getItem().getKind(), a.getItem().getPrompt(), outs,
                    a.getVerdict() == null ? null : a.getVerdict().name()));
        }
        return rows;
    }
}
