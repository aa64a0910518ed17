package ai.finetune.runtime.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BradleyTerryTest {
    private static final double PER_NAT = 400 / Math.log(10);

    private static void add(List<Judgement> list, String a, String b, int winsA, int winsB, int ties) {
        for (int i = 0; i < winsA; i++) {
            list.add(new Judgement(null, null, a, b, Preference.A));
        }
        for (int i = 0; i < winsB; i++) {
            list.add(new Judgement(null, null, a, b, Preference.B));
        }
        for (int i = 0; i < ties; i++) {
            list.add(new Judgement(null, null, a, b, Preference.TIE));
        }
    }

    /*
     * Two models, A beats B 3 times out of 4: the MLE has P(A beats B) = 3/4, odds 3, so
     * R_A - R_B = 400 * log10(3) = 190.8485 and, centred on 1000, R_A = 1095.4243, R_B = 904.5757.
     * With a ridge of 1e-9 the ratings agree to 1e-4 Elo.
     */
    @Test
    void twoModelsGiveTheObservedOdds() {
        List<Judgement> js = new ArrayList<>();
        add(js, "A", "B", 3, 1, 0);
        Map<String, Double> r = new BradleyTerry(10, 1, 1e-9).ratings(js);
        assertEquals(1000 + 190.84850188786498 / 2, r.get("A"), 1e-4);
        assertEquals(1000 - 190.84850188786498 / 2, r.get("B"), 1e-4);
        // a tie is half a win each: 2 wins, 2 losses, 2 ties -> equal ratings
        List<Judgement> tied = new ArrayList<>();
        add(tied, "A", "B", 2, 2, 2);
        Map<String, Double> t = new BradleyTerry(10, 1, 1e-9).ratings(tied);
        assertEquals(1000, t.get("A"), 1e-6);
        assertEquals(1000, t.get("B"), 1e-6);
    }

    /*
     * Three models with strengths 4 : 2 : 1 and win counts equal to their expectations:
     *   A-B 2:1 (4/6 = 2/3), A-C 4:1 (4/5), B-C 2:1 (2/3).
     * Stationarity of the log-likelihood, sum_j n_ij p_ij = W_i for every i, holds at p = (4, 2, 1):
     *   A: 3*(2/3) + 5*(4/5) = 6 = 2 + 4;  B: 3*(1/3) + 3*(2/3) = 3 = 1 + 2;  C: 5*(1/5) + 3*(1/3) = 2 = 1 + 1.
     * So on the Elo scale: 400*log10(4, 2, 1) = (240.824, 120.412, 0), mean 120.412, centred on 1000:
     *   A = 1120.412, B = 1000, C = 879.588.
     */
    @Test
    void threeModelsMatchTheHandComputedMle() {
        List<Judgement> js = new ArrayList<>();
        add(js, "A", "B", 2, 1, 0);
        add(js, "A", "C", 4, 1, 0);
        add(js, "B", "C", 2, 1, 0);
        Map<String, Double> r = new BradleyTerry(10, 1, 1e-9).ratings(js);
        assertEquals(1120.41199826559247, r.get("A"), 1e-4);
        assertEquals(1000.0, r.get("B"), 1e-4);
        assertEquals(879.58800173440753, r.get("C"), 1e-4);
        // the default ridge moves them by well under an Elo point on this (tiny) example
        Map<String, Double> ridged = BradleyTerry.withDefaults().ratings(js);
        assertEquals(r.get("A"), ridged.get("A"), 0.5);
        assertEquals(r.get("C"), ridged.get("C"), 0.5);
    }

    /*
     * An inconsistent example (a cycle with ties): check the penalised stationarity condition directly,
     *   W_i - sum_j n_ij sigma(theta_i - theta_j) = ridge * theta_i,
     * with theta_i = (R_i - 1000) * ln(10) / 400 (the fit's strengths have mean zero at the optimum).
     */
    @Test
    void fitSatisfiesTheStationarityCondition() {
        List<Judgement> js = new ArrayList<>();
        add(js, "A", "B", 7, 2, 1);
        add(js, "B", "C", 5, 4, 3);
        add(js, "C", "A", 3, 6, 0);
        add(js, "A", "D", 1, 0, 0);
        double ridge = 1e-3;
        Map<String, Double> r = new BradleyTerry(10, 1, ridge).ratings(js);
        for (String model : r.keySet()) {
            double theta = (r.get(model) - 1000) / PER_NAT;
            double observed = 0;
            double expected = 0;
            for (Judgement j : js) {
                if (j.modelA().equals(model) || j.modelB().equals(model)) {
                    String other = j.modelA().equals(model) ? j.modelB() : j.modelA();
                    observed += j.scoreFor(model);
                    expected += PairwiseLogit.sigmoid(theta - (r.get(other) - 1000) / PER_NAT);
                }
            }
            assertEquals(ridge * theta, observed - expected, 1e-8, model);
        }
    }

    @Test
    void undefeatedAndDisconnectedModelsGetFiniteRatings() {
        List<Judgement> js = new ArrayList<>();
        add(js, "A", "B", 5, 0, 0);
        add(js, "C", "D", 1, 1, 0);
        Leaderboard board = new BradleyTerry(100, 3, BradleyTerry.DEFAULT_RIDGE).leaderboard(js);
        for (ModelRating m : board.ratings()) {
            assertTrue(Double.isFinite(m.elo()) && Double.isFinite(m.eloLow()) && Double.isFinite(m.eloHigh()));
        }
        assertEquals("A", board.ratings().get(0).model());
        assertEquals(4, board.ratings().size());
    }

    @Test
    void leaderboardRanksAndCountsAndIsReproducible() {
        List<Judgement> js = new ArrayList<>();
        add(js, "A", "B", 2, 1, 0);
        add(js, "A", "C", 4, 1, 0);
        add(js, "B", "C", 2, 1, 1);
        js.add(new Judgement(null, null, "C", "B", Preference.BOTH_BAD));
        Leaderboard board = new BradleyTerry(200, 9, BradleyTerry.DEFAULT_RIDGE).leaderboard(js);
        assertEquals(BradleyTerry.PLAIN, board.method());
        assertNull(board.lengthEffect());
        assertEquals(List.of("A", "B", "C"), board.ratings().stream().map(ModelRating::model).toList());
        assertEquals(List.of(1, 2, 3), board.ratings().stream().map(ModelRating::rank).toList());
        ModelRating b = board.ratings().get(1);
        // B: won 1 lost 2 against A; won 2 lost 1 tied 1 against C, plus one both-bad with C
        assertEquals(8, b.judgements());
        assertEquals(3, b.wins());
        assertEquals(3, b.losses());
        assertEquals(2, b.ties());
        assertEquals((3 + 0.5 * 2) / 8, b.score(), 1e-12);
        double mean = board.ratings().stream().mapToDouble(ModelRating::elo).average().orElseThrow();
        assertEquals(1000, mean, 1e-9);
        assertEquals(board, new BradleyTerry(200, 9, BradleyTerry.DEFAULT_RIDGE).leaderboard(js));
    }

    /*
     * Coverage of the bootstrap intervals: 200 data sets of 300 judgements among three models with true ratings
     * 1100, 1000, 900 (their mean is 1000, so these are also the centred ratings); pairs are drawn uniformly and
     * outcomes from the Elo formula. Each model's 95% interval should contain its true rating in about 95% of the
     * data sets (600 intervals, standard error about 0.9 points).
     */
    @Test
    void bootstrapIntervalsCoverTheTrueRatings() {
        double[] truth = {1100, 1000, 900};
        String[] names = {"hi", "mid", "lo"};
        SplittableRandom random = new SplittableRandom(77);
        int datasets = 200;
        int covered = 0;
        int total = 0;
        for (int s = 0; s < datasets; s++) {
            List<Judgement> js = new ArrayList<>();
            for (int n = 0; n < 300; n++) {
                int a = random.nextInt(3);
                int b = (a + 1 + random.nextInt(2)) % 3;
                double p = BradleyTerry.winProbability(truth[a], truth[b]);
                js.add(new Judgement(null, null, names[a], names[b],
                        random.nextDouble() < p ? Preference.A : Preference.B));
            }
            Leaderboard board = new BradleyTerry(300, s, BradleyTerry.DEFAULT_RIDGE).leaderboard(js);
            for (ModelRating m : board.ratings()) {
                int i = List.of(names).indexOf(m.model());
                total++;
                if (m.eloLow() <= truth[i] && truth[i] <= m.eloHigh()) {
                    covered++;
                }
            }
        }
        double coverage = covered / (double) total;
        System.out.printf("Bradley-Terry bootstrap coverage: %.3f of %d intervals%n", coverage, total);
        assertTrue(coverage >= 0.90 && coverage <= 0.99, "coverage " + coverage);
    }

    /*
     * Length bias: three models of equal true strength whose responses differ in length; judges prefer the longer
     * response with coefficient beta = 2 on d = (lenA - lenB) / (lenA + lenB). Model "long" writes 100-400 tokens,
     * "mid" 80-250, "short" 50-150, so the plain fit credits "long" with strength it does not have, while the
     * length-controlled fit recovers beta and rates the three about equally.
     */
    @Test
    void lengthControlRemovesALongerIsBetterBias() {
        String[] names = {"long", "mid", "short"};
        int[][] ranges = {{100, 400}, {80, 250}, {50, 150}};
        double beta = 2.0;
        SplittableRandom random = new SplittableRandom(5);
        List<Judgement> js = new ArrayList<>();
        for (int n = 0; n < 4000; n++) {
            int a = random.nextInt(3);
            int b = (a + 1 + random.nextInt(2)) % 3;
            int la = random.nextInt(ranges[a][0], ranges[a][1] + 1);
            int lb = random.nextInt(ranges[b][0], ranges[b][1] + 1);
            double d = (la - lb) / (double) (la + lb);
            double p = PairwiseLogit.sigmoid(beta * d);
            js.add(new Judgement(null, null, names[a], names[b],
                    random.nextDouble() < p ? Preference.A : Preference.B, la, lb));
        }
        BradleyTerry bt = new BradleyTerry(100, 1, BradleyTerry.DEFAULT_RIDGE);
        Leaderboard plain = bt.leaderboard(js);
        Leaderboard controlled = bt.lengthControlledLeaderboard(js);
        assertEquals(BradleyTerry.LENGTH_CONTROLLED, controlled.method());
        LengthEffect effect = controlled.lengthEffect();
        assertNotNull(effect);
        assertTrue(effect.low() <= beta && beta <= effect.high(), "beta interval " + effect);
        assertEquals(PairwiseLogit.sigmoid(effect.coefficient() / 3), effect.twiceAsLongWinRate(), 1e-12);
        assertTrue(effect.twiceAsLongWinRate() > 0.6);

        double plainSpread = spread(plain);
        double controlledSpread = spread(controlled);
        System.out.printf("length bias: beta %.3f [%.3f, %.3f] (true %.1f); spread plain %.1f, controlled %.1f Elo%n",
                effect.coefficient(), effect.low(), effect.high(), beta, plainSpread, controlledSpread);
        assertEquals("long", plain.ratings().get(0).model());
        assertTrue(plainSpread > 80, "plain spread " + plainSpread);
        assertTrue(controlledSpread < 30, "controlled spread " + controlledSpread);
    }

    @Test
    void lengthControlNeedsLengths() {
        List<Judgement> js = List.of(new Judgement("p1", null, "A", "B", Preference.A, 10, 20),
                new Judgement("p2", null, "A", "B", Preference.B));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BradleyTerry.withDefaults().lengthControlledLeaderboard(js));
        assertTrue(e.getMessage().contains("judgement 2"), e.getMessage());
    }

    private static double spread(Leaderboard board) {
        return board.ratings().get(0).elo() - board.ratings().get(board.ratings().size() - 1).elo();
    }
}
