package ai.finetune.portal.dashboard;

import ai.finetune.runtime.eval.stats.LengthEffect;
import ai.finetune.runtime.eval.stats.ModelRating;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code /dashboards/leaderboard.xhtml}: Bradley-Terry ratings, plain and length-controlled, side by side. */
@Named
@RequestScoped
public class LeaderboardPage extends DashboardPage {
    @Inject
    DashboardService service;

    @PostConstruct
    void load() {
        dashboard = service.leaderboard();
    }

    public List<ModelRating> getRatings() {
        return dashboard.rows("ratings", ModelRating.class);
    }

    public List<ModelRating> getLengthControlled() {
        return dashboard.rows("length-controlled", ModelRating.class);
    }

    public LengthEffect getLengthEffect() {
        return (LengthEffect) dashboard.info().get("lengthEffect");
    }

    /** Both fits over the models in plain-rank order: intervals as floating bars, estimates as points. */
    public String getChart() {
        List<ModelRating> plain = getRatings();
        Map<String, ModelRating> lc = getLengthControlled().stream()
                .collect(Collectors.toMap(ModelRating::model, Function.identity()));
        List<String> models = plain.stream().map(ModelRating::model).toList();
        // each fit in one colour: its rating as a bar, its interval as a lighter floating bar beside it
        return ChartJs.bar(models)
                .colour(0).bars("Bradley-Terry rating", plain.stream().map(ModelRating::elo).toList())
                .colour(0).ranges("Bradley-Terry 95% interval", plain.stream().map(r -> new double[] {r.eloLow(), r.eloHigh()}).toList())
                .colour(1).bars("length-controlled rating", models.stream().map(m -> lc.containsKey(m) ? lc.get(m).elo() : null).toList())
                .colour(1).ranges("length-controlled 95% interval", models.stream().map(m -> lc.containsKey(m)
                        ? new double[] {lc.get(m).eloLow(), lc.get(m).eloHigh()} : null).toList())
                .reference("1000: the average model", 1000)
                .axis("y", "Elo (mean 1000)", null, null)
                .json();
    }
}
