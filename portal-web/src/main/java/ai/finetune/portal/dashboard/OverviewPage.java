package ai.finetune.portal.dashboard;

import ai.finetune.portal.dashboard.HumanEvalDashboard.BestPassAtK;
import ai.finetune.portal.dashboard.TrainingHealthDashboard.PpoPoint;
import ai.finetune.runtime.eval.stats.ModelRating;
import ai.finetune.runtime.eval.stats.WinRate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;

/** {@code /dashboards/index.xhtml}: one headline per dashboard, each from the same service as its page. */
@Named
@RequestScoped
public class OverviewPage {
    @Inject
    DashboardService service;

    private Dashboard winRates;
    private Dashboard leaderboard;
    private Dashboard humanEval;
    private Dashboard alignment;
    private Dashboard training;

    @PostConstruct
    void load() {
        winRates = service.winRates(null);
        leaderboard = service.leaderboard();
        humanEval = service.humanEval();
        alignment = service.alignment();
        training = service.trainingHealth();
    }

    public int getJudgements() {
        return (Integer) winRates.info().get("judgements");
    }

    public String getBaseline() {
        return (String) winRates.info().get("baseline");
    }

    /** The model with the highest win rate against the default baseline. */
    public WinRate getBestWinRate() {
        return winRates.rows("win-rates", WinRate.class).stream().max(Comparator.comparingDouble(WinRate::winRate))
                .orElse(null);
    }

    public ModelRating getTopRated() {
        return leaderboard.rows("ratings", ModelRating.class).stream().findFirst().orElse(null);
    }

    public BestPassAtK getBestPassAt1() {
        return humanEval.rows("best-pass-at-k", BestPassAtK.class).stream().filter(b -> b.k() == 1)
                .max(Comparator.comparingDouble(BestPassAtK::passAtK)).orElse(null);
    }

    public List<AlignmentDashboard.TruthfulQaRow> getTruthfulQa() {
        return alignment.rows("truthfulqa", AlignmentDashboard.TruthfulQaRow.class);
    }

    public int getBbqModels() {
        return (int) alignment.rows("bbq", AlignmentDashboard.BbqRow.class).stream()
                .map(AlignmentDashboard.BbqRow::model).distinct().count();
    }

    public int getPpoRuns() {
        return (Integer) training.info().get("ppoRuns");
    }

    /** The latest iteration of the newest PPO run with metrics. */
    public PpoPoint getLatestPpo() {
        List<PpoPoint> points = training.rows("ppo-metrics", PpoPoint.class);
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }
}
