package ai.finetune.portal.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A small, hand-checkable set of rows for the dashboard tests (unit test on in-memory H2, and the browser IT):
 * models base, sft, ppo-a; six A/B judgements (baseline sft: ppo-a scores 2 wins + tie + both bad = 3 of 5); two
 * submitted rankings with flags; HumanEval, TruthfulQA and BBQ results; one PPO run with metrics and its SFT run.
 */
public final class DashboardSeed {
    private DashboardSeed() {}

    public static final String[] SQL = {
        "INSERT INTO training_run (id, kind, status, device, params, total_steps) VALUES (9011, 'SFT', 'COMPLETED', 'cpu', '{}', 300)",
        "INSERT INTO model_artifact (id, name, kind, path) VALUES (9001, 'base', 'BASE', '/m/base')",
        "INSERT INTO model_artifact (id, name, kind, path, parent_id, run_id) VALUES (9002, 'sft', 'SFT', '/m/sft', 9001, 9011)",
        "INSERT INTO model_artifact (id, name, kind, path, parent_id) VALUES (9003, 'ppo-a', 'PPO', '/m/ppo', 9002)",
        "INSERT INTO training_run (id, kind, status, device, params, total_steps, parent_model_id, result_model_id)"
                + " VALUES (9010, 'PPO', 'COMPLETED', 'cpu', '{}', 2, 9002, 9003)",
        "INSERT INTO run_metric (run_id, step, row_json) VALUES (9011, 300, '{\"step\":300,\"loss\":1.1,\"pretrain_val_loss\":3.9}')",
        "INSERT INTO run_metric (run_id, step, row_json) VALUES (9010, 0, '{\"step\":0,\"reward_mean\":0.1,\"kl\":0.0,\"response_length\":10,\"pretrain_val_loss\":4.0}')",
        "INSERT INTO run_metric (run_id, step, row_json) VALUES (9010, 1, '{\"step\":1,\"reward_mean\":0.5,\"kl\":1.5,\"kl_coef\":0.02,\"response_length\":12,\"pretrain_val_loss\":4.3}')",
        "INSERT INTO run_metric (run_id, step, row_json) VALUES (9010, 2, '{\"step\":2,\"reward_mean\":0.7,\"kl\":2.5')",
        // A/B items: (id, category, model at position 0, model at position 1, verdict)
        ab(9101, "'generation'", "ppo-a", "sft", "FIRST"),
        ab(9102, "'generation'", "sft", "ppo-a", "SECOND"),
        ab(9103, "'generation'", "ppo-a", "sft", "TIE"),
        ab(9104, "NULL", "sft", "ppo-a", "BOTH_BAD"),
        ab(9105, "NULL", "ppo-a", "sft", "SECOND"),
        ab(9106, "'open QA'", "base", "sft", "SECOND"),
        ab(9107, "NULL", "sft", "sft", "FIRST"),
        // a leased (not submitted) judgement is not counted
        "INSERT INTO labeling_item (id, kind, prompt, slots, overlap) VALUES (9108, 'AB', 'p', 1, FALSE)",
        "INSERT INTO labeling_output (item_id, position, model_name, text) VALUES (9108, 0, 'ppo-a', 'x')",
        "INSERT INTO labeling_output (item_id, position, model_name, text) VALUES (9108, 1, 'sft', 'y')",
        "INSERT INTO labeling_assignment (item_id, labeler, state, leased_at, lease_expires_at, verdict)"
                + " VALUES (9108, 'l1', 'LEASED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'FIRST')",
        // one RANKING item judged by two labelers
        "INSERT INTO labeling_item (id, kind, prompt, slots, overlap) VALUES (9201, 'RANKING', 'rank me', 2, TRUE)",
        "INSERT INTO labeling_output (id, item_id, position, model_name, text) VALUES (9211, 9201, 0, 'ppo-a', 'a')",
        "INSERT INTO labeling_output (id, item_id, position, model_name, text) VALUES (9212, 9201, 1, 'sft', 'b')",
        "INSERT INTO labeling_assignment (id, item_id, labeler, state, leased_at, lease_expires_at, submitted_at)"
                + " VALUES (9221, 9201, 'l1', 'SUBMITTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        "INSERT INTO labeling_assignment (id, item_id, labeler, state, leased_at, lease_expires_at, submitted_at)"
                + " VALUES (9222, 9201, 'l2', 'SUBMITTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        "INSERT INTO ranking_entry (assignment_id, output_id, rank_position, score, flags) VALUES (9221, 9211, 2, 3, 'HALLUCINATION,SEXUAL_CONTENT')",
        "INSERT INTO ranking_entry (assignment_id, output_id, rank_position, score, flags) VALUES (9221, 9212, 1, 5, '')",
        "INSERT INTO ranking_entry (assignment_id, output_id, rank_position, score, flags) VALUES (9222, 9211, 1, 4, 'VIOLENT_CONTENT')",
        "INSERT INTO ranking_entry (assignment_id, output_id, rank_position, score, flags) VALUES (9222, 9212, 2, 2, 'SEXUAL_CONTENT')",
        // evaluations: the first ppo-a row at 0.2 is replaced by the later one
        "INSERT INTO evaluation_result (model_id, kind, summary_json) VALUES (9003, 'HUMANEVAL', '{\"temperature\":0.2,\"samplesPerTask\":10,\"problems\":164,\"passAtK\":{\"1\":0.01}}')",
        "INSERT INTO evaluation_result (model_id, kind, summary_json) VALUES (9003, 'HUMANEVAL', '{\"temperature\":0.2,\"samplesPerTask\":10,\"problems\":164,\"passAtK\":{\"1\":0.1,\"10\":0.2}}')",
        "INSERT INTO evaluation_result (model_id, kind, summary_json) VALUES (9003, 'HUMANEVAL', '{\"temperature\":0.8,\"samplesPerTask\":100,\"problems\":164,\"passAtK\":{\"1\":0.05,\"10\":0.3,\"100\":0.5},\"rerank\":{\"meanLogProb\":0.12,\"random\":0.05,\"oracle\":0.5}}')",
        "INSERT INTO evaluation_result (model_id, kind, summary_json) VALUES (9001, 'TRUTHFULQA', '{\"mc1\":0.25,\"chance\":0.2,\"questions\":8,\"correct\":2}')",
        "INSERT INTO evaluation_result (model_id, kind, summary_json) VALUES (9002, 'BBQ', '{\"items\":10,\"accuracy\":0.4,\"biasDisambiguated\":0.1,\"biasAmbiguous\":-0.05,\"categories\":{\"Age\":{\"items\":10,\"accuracy\":0.4,\"biasDisambiguated\":0.1,\"biasAmbiguous\":-0.05}}}')",
    };

    private static String ab(int id, String category, String first, String second, String verdict) {
        return "INSERT INTO labeling_item (id, kind, prompt, slots, overlap, category) VALUES (" + id + ", 'AB', 'prompt "
                + id + "', 1, FALSE, " + category + ");"
                + "INSERT INTO labeling_output (item_id, position, model_name, text) VALUES (" + id + ", 0, '" + first
                + "', '" + "x".repeat(10 + id % 7) + "');"
                + "INSERT INTO labeling_output (item_id, position, model_name, text) VALUES (" + id + ", 1, '" + second
                + "', '" + "y".repeat(20 - id % 5) + "');"
                + "INSERT INTO labeling_assignment (item_id, labeler, state, leased_at, lease_expires_at, submitted_at, verdict)"
                + " VALUES (" + id + ", 'l1', 'SUBMITTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '"
                + verdict + "')";
    }

    public static void insert(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : SQL) {
                for (String part : sql.split(";")) {
                    s.execute(part);
                }
            }
        }
    }
}
