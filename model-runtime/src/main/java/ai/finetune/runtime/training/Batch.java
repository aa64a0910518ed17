package ai.finetune.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Examples padded to the longest one and turned into arrays of one manager.
 *
 * @param inputs  (B, T) int64
 * @param targets (B, T) int64, inputs shifted by one
 * @param weights (B, T) float32 loss weights; 0 on padding
 * @param tokens  count of weighted target tokens
 */
public record Batch(NDArray inputs, NDArray targets, NDArray weights, int tokens) {
    public static Batch of(List<Example> examples, int padId, NDManager m) {
        int b = examples.size();
        int t = 0;
        for (Example e : examples) {
            t = Math.max(t, e.length());
        }
        long[] in = new long[b * t];
        long[] out = new long[b * t];
        float[] w = new float[b * t];
        java.util.Arrays.fill(in, padId);
        java.util.Arrays.fill(out, padId);
        int count = 0;
        for (int i = 0; i < b; i++) {
            Example e = examples.get(i);
            for (int j = 0; j < e.length(); j++) {
                in[i * t + j] = e.tokens()[j];
                out[i * t + j] = e.tokens()[j + 1];
                w[i * t + j] = e.weights()[j];
                count += e.weights()[j] > 0 ? 1 : 0;
            }
        }
        Shape shape = new Shape(b, t);
        NDArray inputs = m.create(in, shape).toType(DataType.INT64, false);
        NDArray targets = m.create(out, shape).toType(DataType.INT64, false);
        return new Batch(inputs, targets, m.create(w, shape), count);
    }
}
