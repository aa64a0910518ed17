package ai.finetune.runtime.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WinRatesTest {

    /** 'ppo' vs 'sft': in "qa" 3 wins, 1 loss (as A or B); in "gen" 1 tie, 1 both-bad, 1 loss, 1 win. */
    private static List<Judgement> sample() {
        return List.of(
                new Judgement("p1", "qa", "ppo", "sft", Preference.A),
                new Judgement("p2", "qa", "sft", "ppo", Preference.B),
                new Judgement("p3", "qa", "ppo", "sft", Preference.A),
                new Judgement("p4", "qa", "sft", "ppo", Preference.A),
                new Judgement("p5", "gen", "ppo", "sft", Preference.TIE),
                new Judgement("p6", "gen", "sft", "ppo", Preference.BOTH_BAD),
                new Judgement("p7", "gen", "sft", "ppo", Preference.A),
                new Judgement("p8", "gen", "ppo", "sft", Preference.A),
                // not involving the baseline: ignored by win rates
                new Judgement("p9", "gen", "ppo", "gpt3", Preference.B));
    }

    @Test
    void countsTiesAndBothBadAsHalf() {
        List<WinRate> rows = WinRates.against(sample(), "sft", 200, 7);
        assertEquals(3, rows.size());
        WinRate all = rows.get(0);
        assertEquals(WinRates.ALL_CATEGORIES, all.category());
        assertEquals("ppo", all.model());
        assertEquals(8, all.judgements());
        assertEquals(4, all.wins());
        assertEquals(2, all.losses());
        assertEquals(1, all.ties());
        assertEquals(1, all.bothBad());
        // (4 + 0.5 * 2) / 8 = 0.625
        assertEquals(0.625, all.winRate(), 1e-12);
        Interval wilson = WilsonInterval.of(5, 8);
        assertEquals(wilson.low(), all.wilsonLow(), 1e-12);
        assertEquals(wilson.high(), all.wilsonHigh(), 1e-12);
        assertTrue(all.bootstrapLow() <= 0.625 && 0.625 <= all.bootstrapHigh());

        WinRate gen = rows.get(1);
        assertEquals("gen", gen.category());
        // 1 win, 1 loss, 1 tie, 1 both bad -> 2 / 4
        assertEquals(0.5, gen.winRate(), 1e-12);
        WinRate qa = rows.get(2);
        assertEquals("qa", qa.category());
        assertEquals(0.75, qa.winRate(), 1e-12);
    }

    @Test
    void bootstrapIsReproducibleFromItsSeed() {
        assertEquals(WinRates.against(sample(), "sft", 300, 11), WinRates.against(sample(), "sft", 300, 11));
    }

    @Test
    void aBaselineNobodyFacedIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WinRates.against(sample(), "davinci", 100, 1));
        assertTrue(e.getMessage().contains("davinci"));
    }

    /*
     * Coverage: 200 simulated data sets of 100 judgements each, drawn with P(win) = 0.503, P(tie) = 0.2,
     * P(loss) = 0.297, so the true win rate is 0.503 + 0.2/2 = 0.603. (Off the grid of possible means, k/200: a
     * truth on it would also be covered whenever an interval ends exactly there, inflating coverage.) A 95%
     * interval should contain 0.603 in about 95% of the data sets; 200 of them give a binomial standard error of
     * 1.5 points, so [0.90, 0.99] is a loose check that still fails for a broken interval (a 68% one covers about
     * 0.68).
     */
    private static final double TRUTH = 0.603;

    @Test
    void intervalsCoverTheTruthAtAboutTheNominalRate() {
        SplittableRandom random = new SplittableRandom(2024);
        int datasets = 200;
        int coveredBootstrap = 0;
        int coveredWilson = 0;
        for (int s = 0; s < datasets; s++) {
            List<Judgement> judgements = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                double u = random.nextDouble();
                Preference p = u < 0.503 ? Preference.A : u < 0.703 ? Preference.TIE : Preference.B;
                judgements.add(new Judgement("p" + i, "all", "m", "base", p));
            }
            WinRate row = WinRates.of(judgements, "m", "base", 1000, s).get(0);
            if (row.bootstrapLow() <= TRUTH && TRUTH <= row.bootstrapHigh()) {
                coveredBootstrap++;
            }
            if (row.wilsonLow() <= TRUTH && TRUTH <= row.wilsonHigh()) {
                coveredWilson++;
            }
        }
        double bootstrap = coveredBootstrap / (double) datasets;
        double wilson = coveredWilson / (double) datasets;
        System.out.printf("win-rate coverage: bootstrap %.3f, Wilson %.3f (%d data sets)%n", bootstrap, wilson, datasets);
        assertTrue(bootstrap >= 0.90 && bootstrap <= 0.99, "bootstrap coverage " + bootstrap);
        // Wilson on a tie-as-half score is conservative (ties shrink the variance), so it may cover more
        assertTrue(wilson >= 0.90 && wilson <= 1.0, "Wilson coverage " + wilson);
    }
}
