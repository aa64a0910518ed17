package ai.finetune.runtime.cli;

import ai.finetune.runtime.eval.stats.BradleyTerry;
import ai.finetune.runtime.eval.stats.Judgement;
import ai.finetune.runtime.eval.stats.JudgementJsonl;
import ai.finetune.runtime.eval.stats.Leaderboard;
import ai.finetune.runtime.eval.stats.ModelRating;
import ai.finetune.runtime.eval.stats.PercentileBootstrap;
import ai.finetune.runtime.eval.stats.WinRate;
import ai.finetune.runtime.eval.stats.WinRates;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code winrates}: win rates against a baseline and the Bradley-Terry leaderboards from a JSON Lines file of A/B
 * judgements (format in {@link JudgementJsonl}).
 */
public final class WinratesCommand implements Command {
    @Override
    public String name() {
        return "winrates";
    }

    @Override
    public String summary() {
        return "win rates vs a baseline and a Bradley-Terry leaderboard from A/B judgements (JSONL)";
    }

    @Override
    public String help() {
        return """
                winrates --judgements=FILE --baseline=MODEL [options]
                  --judgements=FILE   JSON Lines, one judgement a line: {"prompt", "category", "modelA", "modelB",
                                      "preference": A|B|tie|both_bad, "lengthA", "lengthB"} (prompt, category and
                                      lengths optional)
                  --baseline=MODEL    the model every other is compared with (e.g. the SFT model)
                  --bootstrap=N       bootstrap resamples for the intervals (default %d)
                  --seed=N            bootstrap seed (default %d)
                  --ridge=X           ridge penalty of the Bradley-Terry fit (default %s)
                  --out=DIR           writes win-rates.{csv,json}, leaderboard.{csv,json} and, when every
                                      judgement has lengths, leaderboard-length-controlled.{csv,json}
                                      (default: no files; the summary line only)
                Ties and "both bad" count half a win. Intervals are 95%%: Wilson and percentile bootstrap for win
                rates, percentile bootstrap for ratings (Elo scale: 400, base 10, mean 1000).
                """.formatted(PercentileBootstrap.DEFAULT_SAMPLES, PercentileBootstrap.DEFAULT_SEED,
                BradleyTerry.DEFAULT_RIDGE);
    }

    @Override
    public int run(Options options) throws Exception {
        Path file = options.path("judgements");
        String baseline = options.required("baseline");
        int samples = options.integer("bootstrap", PercentileBootstrap.DEFAULT_SAMPLES);
        long seed = options.longValue("seed", PercentileBootstrap.DEFAULT_SEED);
        double ridge = options.decimal("ridge", BradleyTerry.DEFAULT_RIDGE);
        Path out = options.path("out", null);
        options.rejectUnknown();
        if (samples < 2) {
            throw new UsageException("winrates: --bootstrap must be at least 2, got " + samples);
        }
        if (!(ridge > 0)) {
            throw new UsageException("winrates: --ridge must be > 0, got " + ridge);
        }

        List<Judgement> judgements = JudgementJsonl.read(file);
        System.err.printf("winrates: %d judgements from %s%n", judgements.size(), file);
        List<WinRate> winRates = WinRates.against(judgements, baseline, samples, seed);
        BradleyTerry bt = new BradleyTerry(samples, seed, ridge);
        Leaderboard leaderboard = bt.leaderboard(judgements);
        boolean lengths = judgements.stream().allMatch(Judgement::hasLengths);
        Leaderboard controlled = lengths ? bt.lengthControlledLeaderboard(judgements) : null;
        if (!lengths) {
            System.err.println("winrates: some judgements lack response lengths; no length-controlled leaderboard");
        }
        if (out != null) {
            ResultFiles.csv(out.resolve("win-rates.csv"), winRates, WinRate.class);
            ResultFiles.json(out.resolve("win-rates.json"), winRates);
            ResultFiles.csv(out.resolve("leaderboard.csv"), leaderboard.ratings(), ModelRating.class);
            ResultFiles.json(out.resolve("leaderboard.json"), leaderboard);
            if (controlled != null) {
                ResultFiles.csv(out.resolve("leaderboard-length-controlled.csv"), controlled.ratings(),
                        ModelRating.class);
                ResultFiles.json(out.resolve("leaderboard-length-controlled.json"), controlled);
            }
        }
        for (WinRate w : winRates) {
            if (w.category().equals(WinRates.ALL_CATEGORIES)) {
                System.err.printf("  %s vs %s: %.3f  Wilson [%.3f, %.3f]  bootstrap [%.3f, %.3f]  (n=%d)%n",
                        w.model(), baseline, w.winRate(), w.wilsonLow(), w.wilsonHigh(), w.bootstrapLow(),
                        w.bootstrapHigh(), w.judgements());
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("judgements", judgements.size());
        summary.put("baseline", baseline);
        Map<String, Double> overall = new LinkedHashMap<>();
        winRates.stream().filter(w -> w.category().equals(WinRates.ALL_CATEGORIES))
                .forEach(w -> overall.put(w.model(), w.winRate()));
        summary.put("winRates", overall);
        Map<String, Double> elo = new LinkedHashMap<>();
        leaderboard.ratings().forEach(r -> elo.put(r.model(), r.elo()));
        summary.put("elo", elo);
        summary.put("lengthCoefficient", controlled == null ? null : controlled.lengthEffect().coefficient());
        summary.put("out", out == null ? null : out.toString());
        ResultFiles.summary(summary);
        return 0;
    }
}
