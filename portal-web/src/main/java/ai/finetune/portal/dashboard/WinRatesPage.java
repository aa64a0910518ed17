package ai.finetune.portal.dashboard;

import ai.finetune.runtime.eval.stats.WinRate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** {@code /dashboards/win-rates.xhtml?baseline=MODEL}. */
@Named
@RequestScoped
public class WinRatesPage extends DashboardPage {
    @Inject
    DashboardService service;

    private String error;

    @PostConstruct
    void load() {
        try {
            dashboard = service.winRates(param("baseline"));
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            dashboard = service.winRates(null);
        }
    }

    public String getError() {
        return error;
    }

    public String getBaseline() {
        return (String) dashboard.info().get("baseline");
    }

    @SuppressWarnings("unchecked")
    public List<String> getModels() {
        return (List<String>) dashboard.info().get("models");
    }

    public List<WinRate> getOverall() {
        return dashboard.rows("win-rates", WinRate.class);
    }

    public List<WinRate> getByCategory() {
        return dashboard.rows("by-category", WinRate.class);
    }

    /** InstructGPT Figure 1: each model's win rate against the baseline with its two 95% intervals. */
    public String getChart() {
        List<WinRate> rows = getOverall();
        return ChartJs.bar(rows.stream().map(WinRate::model).toList())
                .bars("win rate", rows.stream().map(WinRate::winRate).toList())
                .ranges("95% Wilson interval", rows.stream().map(r -> new double[] {r.wilsonLow(), r.wilsonHigh()}).toList())
                .ranges("95% bootstrap interval", rows.stream().map(r -> new double[] {r.bootstrapLow(), r.bootstrapHigh()}).toList())
                .reference("50%: as good as the baseline", 0.5)
                .axis("y", "win rate against " + getBaseline(), 0.0, 1.0)
                .json();
    }

    @Override
    protected String exportQuery() {
        return getBaseline() == null ? "" : "?baseline=" + encode(getBaseline());
    }
}
