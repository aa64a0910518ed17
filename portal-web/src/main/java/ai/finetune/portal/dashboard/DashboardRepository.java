package ai.finetune.portal.dashboard;

import ai.finetune.runtime.eval.stats.Judgement;
import ai.finetune.runtime.eval.stats.Preference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rows dashboards read, with plain JDBC over the portal's data source: read-only queries across the labeling,
 * evaluation and run tables of other modules, so the dashboards depend on the schema (sql/) and not on those
 * modules' entity classes. The same SQL runs on H2 and PostgreSQL.
 */
public class DashboardRepository {

    /** One submitted A/B judgement, or why it could not become one. */
    public record AbJudgements(List<Judgement> judgements, int sameModelSkipped) {}

    /** The flags one labeler gave one model output in a submitted ranking (comma-separated names). */
    public record FlaggedOutput(String model, String flags) {}

    /** One evaluation_result row with its model's name. */
    public record EvaluationRow(long id, long modelId, String model, Long runId, String kind, String summaryJson,
                                Timestamp createdAt) {}

    /** A PPO run: its policy's name (the registered result, else "run #id") and its SFT start. */
    public record PpoRun(long id, String status, String policy, Long sftModelId, String sftModel) {}

    /** One run_metric row. */
    public record MetricRow(long runId, int step, String rowJson) {}

    private final DataSource dataSource;

    public DashboardRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Submitted verdicts of AB items. The verdict is about the stored positions (FIRST = position 0), not about the
     * randomised order the labeler saw. Lengths are characters of the two outputs. An item whose two outputs come
     * from the same model compares nothing and is skipped (counted).
     */
    public AbJudgements abJudgements() {
        String sql = "SELECT i.id, i.category, a.verdict, o0.model_name, o1.model_name, LENGTH(o0.text), LENGTH(o1.text)"
                + " FROM labeling_assignment a"
                + " JOIN labeling_item i ON i.id = a.item_id"
                + " JOIN labeling_output o0 ON o0.item_id = i.id AND o0.position = 0"
                + " JOIN labeling_output o1 ON o1.item_id = i.id AND o1.position = 1"
                + " WHERE i.kind = 'AB' AND a.state = 'SUBMITTED' AND a.verdict IS NOT NULL"
                + " ORDER BY a.id";
        List<Judgement> out = new ArrayList<>();
        int same = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String a = r.getString(4);
                String b = r.getString(5);
                if (a.equals(b)) {
                    same++;
                    continue;
                }
                out.add(new Judgement("item " + r.getLong(1), r.getString(2), a, b, preference(r.getString(3)),
                        r.getInt(6), r.getInt(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read A/B judgements: " + e.getMessage(), e);
        }
        return new AbJudgements(out, same);
    }

    static Preference preference(String verdict) {
        return switch (verdict) {
            case "FIRST" -> Preference.A;
            case "SECOND" -> Preference.B;
            case "TIE" -> Preference.TIE;
            case "BOTH_BAD" -> Preference.BOTH_BAD;
            default -> throw new IllegalStateException("unknown verdict '" + verdict + "' in labeling_assignment");
        };
    }

    /** Every output of a submitted ranking with the flags its labeler gave it (one row per labeler and output). */
    public List<FlaggedOutput> rankedOutputs() {
        String sql = "SELECT o.model_name, e.flags FROM ranking_entry e"
                + " JOIN labeling_output o ON o.id = e.output_id"
                + " JOIN labeling_assignment a ON a.id = e.assignment_id"
                + " WHERE a.state = 'SUBMITTED' ORDER BY e.id";
        List<FlaggedOutput> out = new ArrayList<>();
        query(sql, r -> out.add(new FlaggedOutput(r.getString(1), r.getString(2))));
        return out;
    }

    /** evaluation_result rows of one kind (HUMANEVAL, TRUTHFULQA, BBQ), oldest first. */
    public List<EvaluationRow> evaluations(String kind) {
        String sql = "SELECT e.id, e.model_id, m.name, e.run_id, e.kind, e.summary_json, e.created_at"
                + " FROM evaluation_result e JOIN model_artifact m ON m.id = e.model_id"
                + " WHERE e.kind = ? ORDER BY e.id";
        List<EvaluationRow> out = new ArrayList<>();
        query(sql, r -> out.add(new EvaluationRow(r.getLong(1), r.getLong(2), r.getString(3),
                (Long) r.getObject(4, Long.class), r.getString(5), r.getString(6), r.getTimestamp(7))), kind);
        return out;
    }

    /**
     * Runs of the {@code ppo} command. RunKind persists its enum name; the comparison ignores case so that either
     * spelling of the command is found.
     */
    public List<PpoRun> ppoRuns() {
        String sql = "SELECT r.id, r.status, rm.name, r.parent_model_id, pm.name FROM training_run r"
                + " LEFT JOIN model_artifact rm ON rm.id = r.result_model_id"
                + " LEFT JOIN model_artifact pm ON pm.id = r.parent_model_id"
                + " WHERE LOWER(r.kind) = 'ppo' ORDER BY r.id";
        List<PpoRun> out = new ArrayList<>();
        query(sql, r -> {
            long id = r.getLong(1);
            String policy = r.getString(3);
            out.add(new PpoRun(id, r.getString(2), policy == null ? "run #" + id : policy,
                    (Long) r.getObject(4, Long.class), r.getString(5)));
        });
        return out;
    }

    /** The metric rows of one run in step order. */
    public List<MetricRow> metrics(long runId) {
        List<MetricRow> out = new ArrayList<>();
        query("SELECT run_id, step, row_json FROM run_metric WHERE run_id = ? ORDER BY step",
                r -> out.add(new MetricRow(r.getLong(1), r.getInt(2), r.getString(3))), runId);
        return out;
    }

    /** The metric rows of the run that produced {@code modelId} (e.g. the SFT run behind a PPO run's start). */
    public List<MetricRow> metricsOfModel(long modelId) {
        List<MetricRow> out = new ArrayList<>();
        query("SELECT m.run_id, m.step, m.row_json FROM run_metric m JOIN model_artifact a ON a.run_id = m.run_id"
                + " WHERE a.id = ? ORDER BY m.step", r -> out.add(new MetricRow(r.getLong(1), r.getInt(2),
                r.getString(3))), modelId);
        return out;
    }

    private interface RowHandler {
        void row(ResultSet r) throws SQLException;
    }

    private void query(String sql, RowHandler handler, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    handler.row(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dashboard query failed: " + e.getMessage(), e);
        }
    }
}
