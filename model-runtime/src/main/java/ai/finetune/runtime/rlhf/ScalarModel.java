package ai.finetune.runtime.rlhf;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.finetune.runtime.checkpoint.SafeTensors;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.nn.ValueHead;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GPT trunk with its LM head replaced by a scalar head ({@link ValueHead}): the reward model reads the scalar at
 * the last token of prompt + response ({@link #lastScores}); PPO's value function reads it at every position
 * ({@link #values}). Tensors: the trunk's GPT names plus {@code value_head.weight}/{@code value_head.bias}.
 */
public final class ScalarModel implements AutoCloseable {
    private final GptModel trunk;
    private final ValueHead head;

    public ScalarModel(GptModel trunk, ValueHead head) {
        this.trunk = trunk;
        this.head = head;
    }

    /** A trunk copied from {@code sft} (its LM head is dropped) and a fresh scalar head from {@code seed}. */
    public static ScalarModel fromLanguageModel(GptModel sft, long seed) {
        GptModel trunk = GptModel.fromTensors(sft.config(), sft.device(), sft.toTensors());
        return new ScalarModel(trunk, ValueHead.create(sft.config(), sft.device(), seed));
    }

    /** Splits {@code tensors} into trunk and head tensors; both must be complete. */
    public static ScalarModel fromTensors(GptConfig config, Device device, Map<String, SafeTensors.Tensor> tensors) {
        Map<String, SafeTensors.Tensor> trunkTensors = new LinkedHashMap<>();
        Map<String, SafeTensors.Tensor> headTensors = new LinkedHashMap<>();
        tensors.forEach((k, v) -> (k.startsWith("value_head.") ? headTensors : trunkTensors).put(k, v));
        if (headTensors.isEmpty()) {
            throw new IllegalArgumentException("not a reward/value model: no value_head.* tensors (an SFT model? "
                    + "train a reward model with reward-train first)");
        }
        GptModel trunk = GptModel.fromTensors(config, device, trunkTensors);
        try {
            return new ScalarModel(trunk, ValueHead.fromTensors(config, device, headTensors));
        } catch (RuntimeException e) {
            trunk.close();
            throw e;
        }
    }

    /** A deep copy (PPO's value function starts as a copy of the reward model). */
    public ScalarModel copy() {
        return fromTensors(trunk.config(), trunk.device(), toTensors());
    }

    public GptModel trunk() {
        return trunk;
    }

    public ValueHead head() {
        return head;
    }

    public GptConfig config() {
        return trunk.config();
    }

    /** The scalar at every position: ids (B, T) -> (B, T). */
    public NDArray values(NDArray ids, boolean training) {
        return head.forward(trunk.hidden(ids, null, training));
    }

    /**
     * The scalar at position {@code last[b]} of each row (the last real token of a right-padded row).
     *
     * @param ids  (B, T) int64
     * @param last B indices
     * @return (B)
     */
    public NDArray lastScores(NDArray ids, int[] last) {
        return lastScores(ids, last, false);
    }

    public NDArray lastScores(NDArray ids, int[] last, boolean training) {
        NDArray all = values(ids, training); // (B, T)
        long[] idx = new long[last.length];
        for (int i = 0; i < last.length; i++) {
            idx[i] = last[i];
        }
        NDManager m = ids.getManager();
        NDArray index = m.create(idx, new Shape(last.length, 1)).toType(DataType.INT64, false); // (B, 1)
        return all.gather(index, 1).squeeze(1); // (B, 1) -> (B)
    }

    /** Trunk then head parameters, by tensor name (live arrays). */
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> all = new LinkedHashMap<>(trunk.parameters());
        all.putAll(head.parameters());
        return all;
    }

    public Map<String, SafeTensors.Tensor> toTensors() {
        Map<String, SafeTensors.Tensor> all = new LinkedHashMap<>(trunk.toTensors());
        all.putAll(head.toTensors());
        return all;
    }

    public void setTraining(boolean requiresGradient) {
        trunk.setTraining(requiresGradient);
        head.setTraining(requiresGradient);
    }

    /** Adds {@code delta} to the head's bias: shifts every score by {@code delta}. */
    public void shiftBias(float delta) {
        NDArray bias = head.parameters().get(ValueHead.BIAS);
        float[] b = bias.toFloatArray();
        b[0] += delta;
        bias.set(b);
    }

    @Override
    public void close() {
        trunk.close();
        head.close();
    }
}
