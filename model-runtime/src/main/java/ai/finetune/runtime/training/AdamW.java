package ai.finetune.runtime.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.finetune.runtime.checkpoint.SafeTensors;
import ai.finetune.runtime.nn.GptModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), written over NDArrays so its moments are plain arrays
 * that a checkpoint can store and a resume can restore bit for bit. Runs outside any GradientCollector, where
 * Java-scalar ops are safe. Decay applies to the attention and MLP weight matrices only: not to LayerNorm
 * parameters, biases or the (tied) embeddings, as in minGPT.
 */
public final class AdamW {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();

    public AdamW(GptModel model, double beta1, double beta2, double eps, double weightDecay) {
        this(model.manager(), model.parameters(), beta1, beta2, eps, weightDecay);
    }

    /** Moments for any named parameters (e.g. a value head), kept in a sub-manager of {@code owner}. */
    public AdamW(NDManager owner, Map<String, NDArray> params, double beta1, double beta2, double eps,
                 double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.manager = owner.newSubManager();
        params.forEach((name, p) -> {
            m.put(name, manager.zeros(p.getShape()));
            v.put(name, manager.zeros(p.getShape()));
        });
    }

    /** Whether {@code name} gets weight decay: 2-D matrices inside the blocks. */
    public static boolean decays(String name) {
        return name.startsWith("h.") && name.endsWith(".weight") && !name.contains(".ln_");
    }

    /**
     * One update of every parameter from its gradient (already accumulated and clipped).
     *
     * @param step 1-based count of updates so far, including this one (bias correction)
     */
    public void step(Map<String, NDArray> params, Map<String, NDArray> grads, double lr, int step) {
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / bc1;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            String name = e.getKey();
            NDArray p = e.getValue();
            NDArray g = grads.get(name);
            NDArray mi = m.get(name);
            NDArray vi = v.get(name);
            try (NDManager tmp = manager.newSubManager()) {
                NDArray gTmp = g.duplicate();
                gTmp.attach(tmp);
                mi.muli(beta1).addi(gTmp.mul(1 - beta1));
                vi.muli(beta2).addi(gTmp.mul(gTmp).muli(1 - beta2));
                if (weightDecay > 0 && decays(name)) {
                    p.muli(1 - lr * weightDecay);
                }
                // p -= lr / bc1 * m / (sqrt(v / bc2) + eps)
                NDArray denom = vi.div(bc2);
                denom.attach(tmp);
                NDArray update = mi.mul(stepSize);
                update.attach(tmp);
                p.subi(update.divi(denom.sqrt().addi(eps)));
            }
        }
    }

    /** Moments as tensors named {@code m.<param>} and {@code v.<param>} (checkpoint). */
    public Map<String, SafeTensors.Tensor> state() {
        Map<String, SafeTensors.Tensor> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("m." + k, new SafeTensors.Tensor(a.getShape().getShape(), a.toFloatArray())));
        v.forEach((k, a) -> out.put("v." + k, new SafeTensors.Tensor(a.getShape().getShape(), a.toFloatArray())));
        return out;
    }

    /** Restores moments written by {@link #state()}. */
    public void load(Map<String, SafeTensors.Tensor> state) {
        for (Map<String, NDArray> target : java.util.List.of(m, v)) {
            String prefix = target == m ? "m." : "v.";
            for (Map.Entry<String, NDArray> e : target.entrySet()) {
                SafeTensors.Tensor t = state.get(prefix + e.getKey());
                if (t == null) {
                    throw new IllegalArgumentException("optimizer state lacks " + prefix + e.getKey());
                }
                if (t.data().length != e.getValue().size()) {
                    throw new IllegalArgumentException("optimizer state " + prefix + e.getKey() + " has "
                            + t.data().length + " values, parameter has " + e.getValue().size());
                }
                e.getValue().set(t.data());
            }
        }
    }

    public void close() {
        manager.close();
    }
}
