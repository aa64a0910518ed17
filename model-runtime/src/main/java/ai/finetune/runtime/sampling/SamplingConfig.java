package ai.finetune.runtime.sampling;

import java.util.List;

/**
 * How to sample continuations.
 *
 * @param maxNewTokens  most tokens generated per sample
 * @param temperature   0 = greedy (argmax); else logits are divided by it
 * @param topP          nucleus sampling: keep the smallest set of tokens whose probability reaches topP (1 = off)
 * @param topK          keep the k most likely tokens (0 = off)
 * @param stopSequences text after which a sample ends (the text is cut before it); end of text always stops
 * @param n             samples of the same prompt, generated as one batch
 * @param seed          the samples are a function of (prompt, config, seed)
 * @param kvCache       reuse the keys/values of earlier positions (each new token costs one position)
 */
public record SamplingConfig(int maxNewTokens, double temperature, double topP, int topK, List<String> stopSequences,
                             int n, long seed, boolean kvCache) {
    /** Codex's stop sequences for Python function bodies (PAPERS.md). */
    public static final List<String> CODEX_STOP = List.of("\nclass", "\ndef", "\n#", "\nif", "\nprint");

    /** Temperature 0.8, top-p 0.95 (Codex's pass@100 setting), 128 new tokens, one sample, no stop sequences. */
    public static SamplingConfig defaults() {
        return new SamplingConfig(128, 0.8, 0.95, 0, List.of(), 1, 0, true);
    }

    public SamplingConfig {
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("maxNewTokens must be > 0, got " + maxNewTokens);
        }
        if (temperature < 0 || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        for (String s : stopSequences) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty stop sequence");
            }
        }
    }

    public SamplingConfig withTemperature(double t) {
        return new SamplingConfig(maxNewTokens, t, topP, topK, stopSequences, n, seed, kvCache);
    }

    public SamplingConfig withKvCache(boolean on) {
        return new SamplingConfig(maxNewTokens, temperature, topP, topK, stopSequences, n, seed, on);
    }

    public SamplingConfig withN(int count) {
        return new SamplingConfig(maxNewTokens, temperature, topP, topK, stopSequences, count, seed, kvCache);
    }

    public SamplingConfig withSeed(long s) {
        return new SamplingConfig(maxNewTokens, temperature, topP, topK, stopSequences, n, s, kvCache);
    }

    public SamplingConfig withMaxNewTokens(int max) {
        return new SamplingConfig(max, temperature, topP, topK, stopSequences, n, seed, kvCache);
    }

    public SamplingConfig withStopSequences(List<String> stops) {
        return new SamplingConfig(maxNewTokens, temperature, topP, topK, stops, n, seed, kvCache);
    }
}
