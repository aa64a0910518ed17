package ai.finetune.runtime.rlhf.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.finetune.runtime.checkpoint.SafeTensors;
import ai.finetune.runtime.nn.GptModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential moving average of the policy's weights (InstructGPT: decay 0.992), updated after every optimizer
 * step outside any GradientCollector: {@code ema = decay * ema + (1 - decay) * w}. The exported policy is the
 * average; the optimizer keeps training the raw weights.
 */
public final class Ema implements AutoCloseable {
    private final double decay;
    private final NDManager manager;
    private final Map<String, NDArray> shadow = new LinkedHashMap<>();

    public Ema(GptModel model, double decay) {
        this.decay = decay;
        this.manager = model.manager().newSubManager();
        model.parameters().forEach((k, v) -> shadow.put(k, v.duplicate()));
        shadow.values().forEach(a -> a.attach(manager));
    }

    public void update(Map<String, NDArray> params) {
        for (Map.Entry<String, NDArray> e : shadow.entrySet()) {
            try (NDManager tmp = manager.newSubManager()) {
                NDArray p = params.get(e.getKey()).duplicate();
                p.attach(tmp);
                e.getValue().muli(decay).addi(p.muli(1 - decay));
            }
        }
    }

    public Map<String, SafeTensors.Tensor> toTensors() {
        Map<String, SafeTensors.Tensor> out = new LinkedHashMap<>();
        shadow.forEach((k, v) -> out.put(k, new SafeTensors.Tensor(v.getShape().getShape(), v.toFloatArray())));
        return out;
    }

    public void load(Map<String, SafeTensors.Tensor> tensors) {
        for (Map.Entry<String, NDArray> e : shadow.entrySet()) {
            SafeTensors.Tensor t = tensors.get(e.getKey());
            if (t == null || t.data().length != e.getValue().size()) {
                throw new IllegalArgumentException("EMA state lacks or misshapes " + e.getKey());
            }
            e.getValue().set(t.data());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
