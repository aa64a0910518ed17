package ai.finetune.portal.dashboard;

import ai.finetune.portal.dashboard.HumanEvalDashboard.BestPassAtK;
import ai.finetune.portal.dashboard.HumanEvalDashboard.PassAtKRow;
import ai.finetune.portal.dashboard.HumanEvalDashboard.RerankRow;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** {@code /dashboards/code.xhtml}: HumanEval pass@k, pass@k against temperature, reranking. */
@Named
@RequestScoped
public class CodePage extends DashboardPage {
    @Inject
    DashboardService service;

    @PostConstruct
    void load() {
        dashboard = service.humanEval();
    }

    public List<PassAtKRow> getRows() {
        return dashboard.rows("pass-at-k", PassAtKRow.class);
    }

    public List<BestPassAtK> getBest() {
        return dashboard.rows("best-pass-at-k", BestPassAtK.class);
    }

    public List<RerankRow> getRerank() {
        return dashboard.rows("rerank", RerankRow.class);
    }

    public DatasetLicences.DatasetLicence getLicence() {
        return DatasetLicences.of("HumanEval");
    }

    private List<String> models() {
        return getRows().stream().map(PassAtKRow::model).distinct().toList();
    }

    /** Best pass@1, @10, @100 per model (each at its best temperature). */
    public String getBestChart() {
        List<String> models = models();
        ChartJs c = ChartJs.bar(models);
        for (int k : HumanEvalDashboard.KS) {
            c.bars("pass@" + k, models.stream().map(m -> getBest().stream()
                    .filter(b -> b.model().equals(m) && b.k() == k).map(BestPassAtK::passAtK).findFirst().orElse(null)).toList());
        }
        return c.axis("y", "fraction of problems solved", 0.0, 1.0).json();
    }

    /** pass@k against sampling temperature, one line per model and k (Codex Figure 5). */
    public String getTemperatureChart() {
        ChartJs c = ChartJs.scatter();
        for (String m : models()) {
            for (int k : HumanEvalDashboard.KS) {
                List<double[]> points = new ArrayList<>();
                for (PassAtKRow r : getRows()) {
                    Double p = HumanEvalDashboard.passAt(r, k);
                    if (r.model().equals(m) && p != null) {
                        points.add(new double[] {r.temperature(), p});
                    }
                }
                if (!points.isEmpty()) {
                    c.xy(m + " pass@" + k, points, true);
                }
            }
        }
        return c.axis("x", "temperature", 0.0, null).axis("y", "pass@k", 0.0, 1.0).json();
    }

    /** pass@1 of one chosen sample: by mean log-probability, at random, by an oracle. */
    public String getRerankChart() {
        List<RerankRow> rows = getRerank();
        return ChartJs.bar(rows.stream().map(RerankRow::model).toList())
                .bars("mean log-probability", rows.stream().map(RerankRow::meanLogProb).toList())
                .bars("random", rows.stream().map(RerankRow::random).toList())
                .bars("oracle", rows.stream().map(RerankRow::oracle).toList())
                .axis("y", "pass@1 of the chosen sample", 0.0, 1.0).json();
    }
}
