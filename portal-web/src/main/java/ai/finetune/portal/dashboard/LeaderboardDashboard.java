package ai.finetune.portal.dashboard;

import ai.finetune.runtime.eval.stats.BradleyTerry;
import ai.finetune.runtime.eval.stats.Leaderboard;
import ai.finetune.runtime.eval.stats.ModelRating;
import ai.finetune.runtime.eval.stats.PercentileBootstrap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bradley-Terry ratings on the Elo scale (400 per factor 10 in the odds, mean 1000) over all A/B judgements, with
 * 95% bootstrap intervals, and the length-controlled fit beside it (response length in characters as the
 * covariate).
 */
public final class LeaderboardDashboard {
    public static final String NAME = "leaderboard";

    private LeaderboardDashboard() {}

    public static Dashboard build(DashboardRepository.AbJudgements ab) {
        Map<String, Object> info = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        info.put("judgements", ab.judgements().size());
        info.put("eloScale", BradleyTerry.ELO_SCALE);
        info.put("eloBase", BradleyTerry.ELO_BASE);
        info.put("eloMean", BradleyTerry.ELO_MEAN);
        info.put("ridge", BradleyTerry.DEFAULT_RIDGE);
        info.put("bootstrapSamples", PercentileBootstrap.DEFAULT_SAMPLES);
        info.put("seed", PercentileBootstrap.DEFAULT_SEED);
        info.put("lengthUnit", "characters");
        List<ModelRating> plain = List.of();
        List<ModelRating> controlled = List.of();
        if (ab.judgements().isEmpty()) {
            String why = "No A/B judgements yet: ratings need labelers' verdicts on AB items (Labeling > Compare responses).";
            missing.put("ratings", why);
            missing.put("length-controlled", why);
            info.put("lengthEffect", null);
        } else {
            BradleyTerry bt = BradleyTerry.withDefaults();
            Leaderboard p = bt.leaderboard(ab.judgements());
            Leaderboard lc = bt.lengthControlledLeaderboard(ab.judgements());
            plain = p.ratings();
            controlled = lc.ratings();
            info.put("lengthEffect", lc.lengthEffect());
        }
        return new Dashboard(NAME, info, List.of(
                new Table<>("ratings", "Bradley-Terry (Elo scale)", ModelRating.class, plain),
                new Table<>("length-controlled", "Length-controlled Bradley-Terry", ModelRating.class, controlled)),
                missing);
    }
}
