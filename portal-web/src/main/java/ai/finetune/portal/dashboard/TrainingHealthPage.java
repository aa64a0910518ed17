package ai.finetune.portal.dashboard;

import ai.finetune.portal.dashboard.TrainingHealthDashboard.AlignmentTax;
import ai.finetune.portal.dashboard.TrainingHealthDashboard.PpoPoint;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.Function;

/** {@code /dashboards/training.xhtml}: PPO reward against KL, KL and response length over iterations, alignment tax. */
@Named
@RequestScoped
public class TrainingHealthPage extends DashboardPage {
    @Inject
    DashboardService service;

    @PostConstruct
    void load() {
        dashboard = service.trainingHealth();
    }

    public List<PpoPoint> getPoints() {
        return dashboard.rows("ppo-metrics", PpoPoint.class);
    }

    public List<AlignmentTax> getTaxes() {
        return dashboard.rows("alignment-tax", AlignmentTax.class);
    }

    public boolean isPretrainLossMeasured() {
        return getPoints().stream().anyMatch(p -> p.pretrainValLoss() != null);
    }

    private String chart(Function<PpoPoint, Double> x, Function<PpoPoint, Double> y, boolean line, String xTitle,
                         String yTitle) {
        boolean overIterations = line;
        ChartJs c = ChartJs.scatter();
        for (long run : getPoints().stream().map(PpoPoint::runId).distinct().toList()) {
            List<PpoPoint> pts = getPoints().stream().filter(p -> p.runId() == run && x.apply(p) != null && y.apply(p) != null).toList();
            if (!pts.isEmpty()) {
                c.xy(pts.get(0).policy() + " (run " + run + ")",
                        pts.stream().map(p -> new double[] {x.apply(p), y.apply(p)}).toList(), line);
            }
        }
        return c.axis("x", xTitle, null, null, overIterations).axis("y", yTitle, null, null).json();
    }

    /** Reward against KL to the SFT policy: reward bought with ever more KL is reward hacking. */
    public String getRewardKlChart() {
        return chart(PpoPoint::kl, PpoPoint::rewardMean, false, "KL to SFT (nats per episode)", "mean reward");
    }

    public String getKlChart() {
        return chart(p -> (double) p.step(), PpoPoint::kl, true, "iteration", "KL to SFT (nats per episode)");
    }

    public String getLengthChart() {
        return chart(p -> (double) p.step(), PpoPoint::responseLength, true, "iteration", "mean response length (tokens)");
    }

    public String getPretrainChart() {
        return chart(p -> (double) p.step(), PpoPoint::pretrainValLoss, true, "iteration", "pretraining validation loss");
    }
}
