package ai.finetune.runtime.eval.stats;

/**
 * Maximum penalised likelihood for pairwise comparisons: {@code P(i beats j) = sigma(theta_i - theta_j + beta * d)}
 * with an optional covariate d per comparison (the length difference), fitted by Newton's method.
 *
 * <p>Each row is a comparison i vs j with outcome y in [0, 1] (1: i won, 0: j won, 1/2: tie) and a weight (how
 * many times it was observed). A tie contributes half a win and half a loss to the log-likelihood
 * {@code sum w [y log p + (1-y) log(1-p)]}, the usual Bradley-Terry treatment of ties.
 *
 * <p>The ridge term {@code -(ridge/2) * |params|^2} keeps the fit finite when a model is undefeated or the
 * comparison graph is disconnected, makes the Hessian negative definite (so Newton's step is always defined), and
 * fixes the free additive constant: at the optimum the strengths sum to zero because every likelihood gradient
 * sums to zero over the models.
 *
 * <p>Newton rather than the MM algorithm: with the covariate there is no closed-form MM update, and Newton converges
 * in a handful of iterations for the few dozen parameters a leaderboard has. Each step is halved until the
 * objective improves, so convergence does not depend on the starting point.
 */
final class PairwiseLogit {
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-10;

    private PairwiseLogit() {}

    /**
     * Fits the parameters: strengths theta_0..theta_{k-1}, then beta when {@code d} is not null.
     *
     * @param k      number of models
     * @param a      first model of each row
     * @param b      second model of each row
     * @param y      outcome for the first model, in [0, 1]
     * @param w      row weight (>= 0; rows with weight 0 are ignored)
     * @param d      covariate per row, or null for the plain Bradley-Terry model
     * @param rows   the number of rows used from the arrays
     * @param ridge  the penalty, > 0
     * @param start  starting parameters (length k, or k+1 with d), or null for zeros
     */
    static double[] fit(int k, int[] a, int[] b, double[] y, double[] w, double[] d, int rows, double ridge,
                        double[] start) {
        if (!(ridge > 0)) {
            throw new IllegalArgumentException("ridge must be > 0, got " + ridge);
        }
        int m = d == null ? k : k + 1;
        double[] params = start == null ? new double[m] : start.clone();
        double objective = objective(params, k, a, b, y, w, d, rows, ridge);
        double[] gradient = new double[m];
        double[][] hessian = new double[m][m];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // gradient and Hessian of the objective (the negative penalised log-likelihood)
            java.util.Arrays.fill(gradient, 0);
            for (double[] row : hessian) {
                java.util.Arrays.fill(row, 0);
            }
            for (int r = 0; r < rows; r++) {
                if (w[r] == 0) {
                    continue;
                }
                int i = a[r];
                int j = b[r];
                double dr = d == null ? 0 : d[r];
                double eta = params[i] - params[j] + (d == null ? 0 : params[k] * dr);
                double p = sigmoid(eta);
                double residual = w[r] * (p - y[r]);
                double curvature = w[r] * p * (1 - p);
                gradient[i] += residual;
                gradient[j] -= residual;
                hessian[i][i] += curvature;
                hessian[j][j] += curvature;
                hessian[i][j] -= curvature;
                hessian[j][i] -= curvature;
                if (d != null) {
                    gradient[k] += residual * dr;
                    hessian[k][k] += curvature * dr * dr;
                    hessian[i][k] += curvature * dr;
                    hessian[k][i] += curvature * dr;
                    hessian[j][k] -= curvature * dr;
                    hessian[k][j] -= curvature * dr;
                }
            }
            for (int p = 0; p < m; p++) {
                gradient[p] += ridge * params[p];
                hessian[p][p] += ridge;
            }
            double[] step = Cholesky.solve(hessian, gradient);
            double scale = 1.0;
            double[] next = new double[m];
            double nextObjective;
            while (true) {
                for (int p = 0; p < m; p++) {
                    next[p] = params[p] - scale * step[p];
                }
                nextObjective = objective(next, k, a, b, y, w, d, rows, ridge);
                if (nextObjective <= objective + 1e-12 * Math.abs(objective) || scale < 1e-12) {
                    break;
                }
                scale /= 2;
            }
            double largest = 0;
            for (int p = 0; p < m; p++) {
                largest = Math.max(largest, Math.abs(next[p] - params[p]));
            }
            params = next.clone();
            objective = nextObjective;
            if (largest < TOLERANCE) {
                return params;
            }
        }
        throw new IllegalStateException("Bradley-Terry fit did not converge in " + MAX_ITERATIONS + " Newton steps");
    }

    /** The negative penalised log-likelihood. */
    static double objective(double[] params, int k, int[] a, int[] b, double[] y, double[] w, double[] d, int rows,
                            double ridge) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            if (w[r] == 0) {
                continue;
            }
            double eta = params[a[r]] - params[b[r]] + (d == null ? 0 : params[k] * d[r]);
            sum -= w[r] * (y[r] * logSigmoid(eta) + (1 - y[r]) * logSigmoid(-eta));
        }
        double squares = 0;
        for (double p : params) {
            squares += p * p;
        }
        return sum + 0.5 * ridge * squares;
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log(sigmoid(x)) without overflow or loss of precision for large |x|. */
    static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }
}
