package ai.finetune.portal.dashboard;

import ai.finetune.portal.dashboard.AlignmentDashboard.BbqRow;
import ai.finetune.portal.dashboard.AlignmentDashboard.FlagRate;
import ai.finetune.portal.dashboard.AlignmentDashboard.TruthfulQaRow;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** {@code /dashboards/alignment.xhtml}: TruthfulQA MC1, BBQ, flagged outputs, and the datasets' licences. */
@Named
@RequestScoped
public class AlignmentPage extends DashboardPage {
    @Inject
    DashboardService service;

    @PostConstruct
    void load() {
        dashboard = service.alignment();
    }

    public List<TruthfulQaRow> getTruthfulQa() {
        return dashboard.rows("truthfulqa", TruthfulQaRow.class);
    }

    public List<BbqRow> getBbq() {
        return dashboard.rows("bbq", BbqRow.class);
    }

    public List<FlagRate> getFlagRates() {
        return dashboard.rows("flag-rates", FlagRate.class);
    }

    public List<DatasetLicences.DatasetLicence> getLicences() {
        return List.of(DatasetLicences.of("TruthfulQA"), DatasetLicences.of("BBQ"));
    }

    /** MC1 with its Wilson interval, and chance (the mean of 1/choices) as a dashed line. */
    public String getTruthfulQaChart() {
        List<TruthfulQaRow> rows = getTruthfulQa();
        return ChartJs.bar(rows.stream().map(TruthfulQaRow::model).toList())
                .bars("MC1", rows.stream().map(TruthfulQaRow::mc1).toList())
                .ranges("95% Wilson interval", rows.stream().map(r -> r.wilsonLow() == null ? null
                        : new double[] {r.wilsonLow(), r.wilsonHigh()}).toList())
                .bars("chance (1 / choices)", rows.stream().map(TruthfulQaRow::chance).toList())
                .axis("y", "MC1 accuracy", 0.0, 1.0).json();
    }

    private List<String> bbqCategories() {
        return getBbq().stream().map(BbqRow::category).distinct().sorted().toList();
    }

    private List<String> bbqModels() {
        return getBbq().stream().map(BbqRow::model).distinct().toList();
    }

    private Double bbq(String model, String category, java.util.function.Function<BbqRow, Double> f) {
        return getBbq().stream().filter(r -> r.model().equals(model) && r.category().equals(category)).map(f)
                .findFirst().orElse(null);
    }

    /** Accuracy per category and model; chance is 1/3 (three answers). */
    public String getBbqAccuracyChart() {
        List<String> cats = bbqCategories();
        ChartJs c = ChartJs.bar(cats);
        for (String m : bbqModels()) {
            c.bars(m, cats.stream().map(cat -> bbq(m, cat, BbqRow::accuracy)).toList());
        }
        return c.reference("chance (1/3)", 1.0 / 3)
                .axis("y", "accuracy", 0.0, 1.0).json();
    }

    /** Bias scores per category and model: disambiguated and ambiguous contexts; 0 is unbiased. */
    public String getBbqBiasChart() {
        List<String> cats = bbqCategories();
        ChartJs c = ChartJs.bar(cats);
        for (String m : bbqModels()) {
            c.bars(m + " s_DIS", cats.stream().map(cat -> bbq(m, cat, BbqRow::biasDisambiguated)).toList());
            c.bars(m + " s_AMB", cats.stream().map(cat -> bbq(m, cat, BbqRow::biasAmbiguous)).toList());
        }
        return c.axis("y", "bias score (-1 .. 1)", -1.0, 1.0).json();
    }

    /** Flag rates: one group per flag, one bar per model. */
    public String getFlagChart() {
        List<String> flags = List.copyOf(AlignmentDashboard.FLAGS.values());
        List<String> models = getFlagRates().stream().map(FlagRate::model).distinct().toList();
        ChartJs c = ChartJs.bar(flags);
        for (String m : models) {
            c.bars(m, flags.stream().map(f -> getFlagRates().stream()
                    .filter(r -> r.model().equals(m) && r.label().equals(f)).map(FlagRate::rate).findFirst()
                    .orElse(null)).toList());
        }
        return c.axis("y", "share of ranked outputs flagged", 0.0, 1.0).json();
    }
}
