package ai.finetune.labeling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Agreement on overlap items and throughput per labeler, for admins. */
@ApplicationScoped
@Transactional
public class LabelingStats {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    /** One labeler's figures: submissions, hours leased on them, tasks per hour, agreement with others. */
    public record LabelerFigures(String labeler, long submitted, double hours, double tasksPerHour, Agreement.Tally agreement) {
        public String getLabeler() { return labeler; }
        public long getSubmitted() { return submitted; }
        public double getTasksPerHour() { return tasksPerHour; }
        public Agreement.Tally getAgreement() { return agreement; }
    }

    public record Summary(Agreement.Report agreement, List<LabelerFigures> labelers, long items, long submissions) {
        public Agreement.Tally getOverall() { return agreement.overall(); }
        public int getItemsCompared() { return agreement.itemsCompared(); }
        public List<LabelerFigures> getLabelers() { return labelers; }
        public long getItems() { return items; }
        public long getSubmissions() { return submissions; }
        public double getReference() { return Agreement.INSTRUCTGPT_REFERENCE; }
    }

    /** Every submitted ranking, oldest first, for the exports. */
    public List<Assignment> submittedRankings() {
        return em.createQuery("SELECT a FROM Assignment a WHERE a.state = :s AND a.item.kind = :k ORDER BY a.id", Assignment.class)
                .setParameter("s", AssignmentState.SUBMITTED)
                .setParameter("k", ItemKind.RANKING)
                .getResultList();
    }

    /** The K-way JSONL export, built inside the transaction (outputs and entries are loaded lazily). */
    public List<String> exportKWay() {
        return RankingExport.kWay(submittedRankings());
    }

    /** The pairwise prompt/chosen/rejected JSONL export. */
    public List<String> exportPairs() {
        return RankingExport.pairs(submittedRankings());
    }

    public Summary summary() {
        List<Assignment> done = em.createQuery(
                        "SELECT a FROM Assignment a WHERE a.state = :s ORDER BY a.item.id, a.id", Assignment.class)
                .setParameter("s", AssignmentState.SUBMITTED)
                .getResultList();
        List<Agreement.Judgement> judgements = new ArrayList<>();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Duration> worked = new TreeMap<>();
        for (Assignment a : done) {
            judgements.add(a.getItem().getKind() == ItemKind.AB
                    ? Agreement.Judgement.ofVerdict(a.getItem().getId(), a.getLabeler(), a.getVerdict())
                    : Agreement.Judgement.ofRanks(a.getItem().getId(), a.getLabeler(), LabelingQueue.ranksOf(a)));
            counts.computeIfAbsent(a.getLabeler(), k -> new long[1])[0]++;
            worked.merge(a.getLabeler(), Duration.between(a.getLeasedAt(), a.getSubmittedAt()), Duration::plus);
        }
        Agreement.Report report = Agreement.report(judgements);
        List<LabelerFigures> figures = new ArrayList<>();
        counts.forEach((labeler, n) -> {
            double hours = worked.get(labeler).toMillis() / 3_600_000.0;
            figures.add(new LabelerFigures(labeler, n[0], hours, hours > 0 ? n[0] / hours : Double.NaN,
                    report.perLabeler().getOrDefault(labeler, Agreement.Tally.NONE)));
        });
        long items = em.createQuery("SELECT COUNT(i) FROM LabelingItem i", Long.class).getSingleResult();
        return new Summary(report, figures, items, done.size());
    }
}
