package ai.finetune.runtime.eval.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Bradley-Terry leaderboard over all judged models, as Chatbot Arena reports it: {@code P(i beats j) =
 * 1 / (1 + 10^((R_j - R_i) / 400))} with ratings R averaging 1000, fitted by maximum likelihood with ties as half a
 * win, and 95% percentile-bootstrap intervals from refitting on judgements resampled with replacement.
 *
 * <p>The fit works on natural-log strengths theta (R = 1000 + 400 / ln 10 * (theta - mean theta)) with a tiny ridge
 * penalty {@code ridge/2 * sum theta^2} ({@link #DEFAULT_RIDGE}: a normal prior with a standard deviation of about 32
 * nats, some 5,500 Elo). Without it an undefeated model's rating is infinite and models in separate components of
 * the comparison graph have no common scale; with it the undefeated model gets a large finite rating and each
 * component is centred on 1000 (ratings from different components are then not comparable). On well-connected data
 * it moves ratings by a small fraction of an Elo point.
 *
 * <p>The length-controlled variant adds a covariate, {@code P(A beats B) = sigmoid(theta_A - theta_B + beta * d)}
 * with {@code d = (lengthA - lengthB) / (lengthA + lengthB)}; its ratings are model strengths with the judges'
 * length preference taken out, and {@link LengthEffect} reports beta. (A relative difference rather than a raw one,
 * so the coefficient does not depend on the length unit and one very long response cannot dominate the fit.)
 *
 * <p>In a bootstrap resample a model may have no judgement; it is then left out of that resample's percentiles.
 */
public final class BradleyTerry {
    public static final String PLAIN = "bradley-terry";
    public static final String LENGTH_CONTROLLED = "bradley-terry-length-controlled";
    /** Elo points per factor of {@link #ELO_BASE} in the odds of winning. */
    public static final double ELO_SCALE = 400;
    public static final double ELO_BASE = 10;
    /** The mean rating. */
    public static final double ELO_MEAN = 1000;
    public static final double DEFAULT_RIDGE = 1e-3;

    private final int bootstrapSamples;
    private final long seed;
    private final double ridge;

    /**
     * @param bootstrapSamples resamples for the intervals (e.g. {@link PercentileBootstrap#DEFAULT_SAMPLES})
     * @param seed             the bootstrap seed
     * @param ridge            the ridge penalty, > 0 (e.g. {@link #DEFAULT_RIDGE})
     */
    public BradleyTerry(int bootstrapSamples, long seed, double ridge) {
        PercentileBootstrap.checkSamples(bootstrapSamples);
        if (!(ridge > 0)) {
            throw new IllegalArgumentException("ridge must be > 0, got " + ridge);
        }
        this.bootstrapSamples = bootstrapSamples;
        this.seed = seed;
        this.ridge = ridge;
    }

    /** 1000 resamples, the default seed and ridge. */
    public static BradleyTerry withDefaults() {
        return new BradleyTerry(PercentileBootstrap.DEFAULT_SAMPLES, PercentileBootstrap.DEFAULT_SEED, DEFAULT_RIDGE);
    }

    /** The Elo-scale probability that a model rated {@code ratingA} beats one rated {@code ratingB}. */
    public static double winProbability(double ratingA, double ratingB) {
        return 1 / (1 + Math.pow(ELO_BASE, (ratingB - ratingA) / ELO_SCALE));
    }

    /** The plain leaderboard. */
    public Leaderboard leaderboard(List<Judgement> judgements) {
        return fit(judgements, false);
    }

    /**
     * The length-controlled leaderboard.
     *
     * @throws IllegalArgumentException if a judgement lacks a response length
     */
    public Leaderboard lengthControlledLeaderboard(List<Judgement> judgements) {
        for (int r = 0; r < judgements.size(); r++) {
            if (!judgements.get(r).hasLengths()) {
                throw new IllegalArgumentException("the length-controlled leaderboard needs both response lengths;"
                        + " judgement " + (r + 1) + " (" + judgements.get(r).modelA() + " vs "
                        + judgements.get(r).modelB() + ", prompt " + judgements.get(r).prompt() + ") lacks one");
            }
        }
        return fit(judgements, true);
    }

    /** Point estimates only: each model's Elo rating, without bootstrap. */
    public Map<String, Double> ratings(List<Judgement> judgements) {
        Data data = new Data(judgements, false);
        double[] theta = data.fit(null, ridge);
        double[] elo = toElo(theta, data.k, data.allPresent());
        Map<String, Double> result = new LinkedHashMap<>();
        for (int i = 0; i < data.k; i++) {
            result.put(data.models.get(i), elo[i]);
        }
        return result;
    }

    private Leaderboard fit(List<Judgement> judgements, boolean lengthControlled) {
        if (judgements.isEmpty()) {
            throw new IllegalArgumentException("no judgements to fit");
        }
        Data data = new Data(judgements, lengthControlled);
        int k = data.k;
        double[] params = data.fit(null, ridge);
        double[] elo = toElo(params, k, data.allPresent());

        double[][] bootElo = new double[k][bootstrapSamples];
        double[] bootBeta = new double[bootstrapSamples];
        SplittableRandom random = new SplittableRandom(seed);
        int n = judgements.size();
        for (int s = 0; s < bootstrapSamples; s++) {
            Arrays.fill(data.multiplicity, 0);
            for (int r = 0; r < n; r++) {
                data.multiplicity[random.nextInt(n)]++;
            }
            boolean[] present = data.present();
            double[] p = data.fit(params, ridge);
            double[] e = toElo(p, k, present);
            for (int i = 0; i < k; i++) {
                bootElo[i][s] = present[i] ? e[i] : Double.NaN;
            }
            if (lengthControlled) {
                bootBeta[s] = p[k];
            }
        }

        int[][] counts = data.counts();
        List<ModelRating> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Interval interval = PercentileBootstrap.percentiles(dropNaN(bootElo[i]));
            int games = counts[i][0] + counts[i][1] + counts[i][2];
            double score = (counts[i][0] + 0.5 * counts[i][2]) / games;
            rows.add(new ModelRating(0, data.models.get(i), elo[i], interval.low(), interval.high(), games,
                    counts[i][0], counts[i][1], counts[i][2], score));
        }
        rows.sort(Comparator.comparingDouble(ModelRating::elo).reversed());
        List<ModelRating> ranked = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            ModelRating m = rows.get(r);
            ranked.add(new ModelRating(r + 1, m.model(), m.elo(), m.eloLow(), m.eloHigh(), m.judgements(), m.wins(),
                    m.losses(), m.ties(), m.score()));
        }
        LengthEffect effect = null;
        if (lengthControlled) {
            Interval beta = PercentileBootstrap.percentiles(bootBeta);
            effect = new LengthEffect(params[k], beta.low(), beta.high(), PairwiseLogit.sigmoid(params[k] / 3));
        }
        return new Leaderboard(lengthControlled ? LENGTH_CONTROLLED : PLAIN, List.copyOf(ranked), effect, n,
                bootstrapSamples, seed, ridge);
    }

    /** Elo ratings from natural-log strengths, centred on the models present. */
    static double[] toElo(double[] theta, int k, boolean[] present) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < k; i++) {
            if (present[i]) {
                sum += theta[i];
                count++;
            }
        }
        double mean = sum / count;
        double perNat = ELO_SCALE / Math.log(ELO_BASE);
        double[] elo = new double[k];
        for (int i = 0; i < k; i++) {
            elo[i] = ELO_MEAN + perNat * (theta[i] - mean);
        }
        return elo;
    }

    private static double[] dropNaN(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** The judgements indexed by model, with a multiplicity per judgement (1 for the fit, counts in a resample). */
    private static final class Data {
        final List<String> models = new ArrayList<>();
        final int k;
        final int[] a;
        final int[] b;
        final double[] y;
        final double[] d;
        final int[] multiplicity;
        final Preference[] preference;

        Data(List<Judgement> judgements, boolean lengthControlled) {
            Map<String, Integer> index = new LinkedHashMap<>();
            int n = judgements.size();
            a = new int[n];
            b = new int[n];
            y = new double[n];
            d = lengthControlled ? new double[n] : null;
            multiplicity = new int[n];
            preference = new Preference[n];
            for (int r = 0; r < n; r++) {
                Judgement j = judgements.get(r);
                a[r] = index.computeIfAbsent(j.modelA(), m -> index.size());
                b[r] = index.computeIfAbsent(j.modelB(), m -> index.size());
                y[r] = j.preference().scoreForA();
                preference[r] = j.preference();
                multiplicity[r] = 1;
                if (lengthControlled) {
                    double total = j.lengthA() + j.lengthB();
                    d[r] = total == 0 ? 0 : (j.lengthA() - j.lengthB()) / total;
                }
            }
            models.addAll(index.keySet());
            k = models.size();
        }

        /**
         * Fits with the current multiplicities. The plain model sums the judgements of each unordered pair into one
         * row (wins over games), which leaves the likelihood unchanged and makes a bootstrap refit cost O(k^2)
         * rows rather than one per judgement.
         */
        double[] fit(double[] start, double ridge) {
            int n = a.length;
            if (d != null) {
                double[] w = new double[n];
                for (int r = 0; r < n; r++) {
                    w[r] = multiplicity[r];
                }
                return PairwiseLogit.fit(k, a, b, y, w, d, n, ridge, start);
            }
            double[][] won = new double[k][k];
            double[][] games = new double[k][k];
            for (int r = 0; r < n; r++) {
                if (multiplicity[r] == 0) {
                    continue;
                }
                int i = Math.min(a[r], b[r]);
                int j = Math.max(a[r], b[r]);
                double scoreOfI = a[r] == i ? y[r] : 1 - y[r];
                won[i][j] += multiplicity[r] * scoreOfI;
                games[i][j] += multiplicity[r];
            }
            int pairs = k * (k - 1) / 2;
            int[] pa = new int[pairs];
            int[] pb = new int[pairs];
            double[] py = new double[pairs];
            double[] pw = new double[pairs];
            int rows = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    if (games[i][j] > 0) {
                        pa[rows] = i;
                        pb[rows] = j;
                        py[rows] = won[i][j] / games[i][j];
                        pw[rows] = games[i][j];
                        rows++;
                    }
                }
            }
            return PairwiseLogit.fit(k, pa, pb, py, pw, null, rows, ridge, start);
        }

        boolean[] present() {
            boolean[] present = new boolean[k];
            for (int r = 0; r < a.length; r++) {
                if (multiplicity[r] > 0) {
                    present[a[r]] = true;
                    present[b[r]] = true;
                }
            }
            return present;
        }

        boolean[] allPresent() {
            boolean[] present = new boolean[k];
            Arrays.fill(present, true);
            return present;
        }

        /** Per model: wins, losses, ties (ties include "both bad") over all judgements. */
        int[][] counts() {
            int[][] c = new int[k][3];
            for (int r = 0; r < a.length; r++) {
                switch (preference[r]) {
                    case A -> {
                        c[a[r]][0]++;
                        c[b[r]][1]++;
                    }
                    case B -> {
                        c[b[r]][0]++;
                        c[a[r]][1]++;
                    }
                    case TIE, BOTH_BAD -> {
                        c[a[r]][2]++;
                        c[b[r]][2]++;
                    }
                }
            }
            return c;
        }
    }
}
