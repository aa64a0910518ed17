package ai.finetune.runtime.eval.humaneval;

/**
 * The unbiased pass@k estimator of Chen et al. (2021): with n samples of which c pass,
 * pass@k = 1 - C(n-c, k) / C(n, k), computed in the numerically stable product form
 * 1 - prod_{i = n-c+1}^{n} (1 - k / i), which never forms the huge binomials.
 */
public final class PassAtK {

    /** pass@k for one problem; requires 0 <= c <= n and 1 <= k <= n. */
    public static double estimate(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("pass@k needs 0 <= c <= n and 1 <= k <= n, got n=" + n + " c=" + c + " k=" + k);
        }
        if (n - c < k) {
            return 1.0;
        }
        double product = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            product *= 1.0 - (double) k / i;
        }
        return 1.0 - product;
    }

    private PassAtK() {}
}
