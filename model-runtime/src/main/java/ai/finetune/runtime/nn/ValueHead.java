package ai.finetune.runtime.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.finetune.runtime.checkpoint.SafeTensors;
import ai.finetune.runtime.config.GptConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A scalar head on the final hidden state: Linear(width -> 1). The reward model reads it at the last token;
 * PPO's value function reads it at every position. Kept apart from {@link GptModel} so a policy, a reward model
 * and a value model can share the same body code. Tensors: {@code value_head.weight} (1, C), {@code value_head.bias} (1).
 */
public final class ValueHead implements AutoCloseable {
    public static final String WEIGHT = "value_head.weight";
    public static final String BIAS = "value_head.bias";
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();

    private ValueHead(NDManager manager) {
        this.manager = manager;
    }

    /** Weight N(0, 1 / (width + 1)) as for a fresh reward head, bias 0. */
    public static ValueHead create(GptConfig config, Device device, long seed) {
        ValueHead h = new ValueHead(NDManager.newBaseManager(device));
        Random rnd = new Random(seed);
        float[] w = new float[config.width()];
        double std = 1.0 / Math.sqrt(config.width() + 1.0);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (rnd.nextGaussian() * std);
        }
        h.params.put(WEIGHT, h.manager.create(w, new Shape(1, config.width())));
        h.params.put(BIAS, h.manager.zeros(new Shape(1)));
        return h;
    }

    public static ValueHead fromTensors(GptConfig config, Device device, Map<String, SafeTensors.Tensor> tensors) {
        SafeTensors.Tensor w = tensors.get(WEIGHT);
        SafeTensors.Tensor b = tensors.get(BIAS);
        if (w == null || b == null || w.data().length != config.width() || b.data().length != 1) {
            throw new IllegalArgumentException("value head tensors " + WEIGHT + " (1, " + config.width() + ") and "
                    + BIAS + " (1) are missing or misshapen");
        }
        ValueHead h = new ValueHead(NDManager.newBaseManager(device));
        h.params.put(WEIGHT, h.manager.create(w.data(), new Shape(1, config.width())));
        h.params.put(BIAS, h.manager.create(b.data(), new Shape(1)));
        return h;
    }

    /** (B, T, C) hidden states -> (B, T) scalars. */
    public NDArray forward(NDArray hidden) {
        return Linear.linear(hidden, params.get(WEIGHT), params.get(BIAS)).singletonOrThrow().squeeze(-1);
    }

    public Map<String, NDArray> parameters() {
        return params;
    }

    public Map<String, SafeTensors.Tensor> toTensors() {
        Map<String, SafeTensors.Tensor> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, new SafeTensors.Tensor(v.getShape().getShape(), v.toFloatArray())));
        return out;
    }

    public void setTraining(boolean requiresGradient) {
        params.values().forEach(p -> p.setRequiresGradient(requiresGradient));
    }

    @Override
    public void close() {
        manager.close();
    }
}
