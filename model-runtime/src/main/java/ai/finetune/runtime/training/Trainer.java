package ai.finetune.runtime.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.finetune.runtime.device.Devices;
import ai.djl.training.GradientCollector;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.checkpoint.SafeTensors;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop shared by pretraining and SFT: micro-batches with gradient accumulation, global-norm
 * clipping, AdamW with warmup and cosine decay, validation loss at intervals, metrics lines, checkpoints, and a
 * clean stop on SIGTERM or a STOP file.
 *
 * <p>Exact resume: every random draw is a function of (seed, step). The data order comes from {@link DataOrder}
 * and the samples consumed; dropout uses the engine's generator, re-seeded with {@code seed + step} before each
 * step. A checkpoint holds the weights, the AdamW moments, the step and the samples consumed, so a resumed run
 * computes the same losses as an uninterrupted one.
 *
 * <p>DJL traps handled here: one GradientCollector at a time per JVM (one per step); no Java-scalar ops inside it;
 * each step's arrays live in an {@link NDScope} and a sub-manager closed at the end of the step.
 */
public final class Trainer {
    /** How a run ended. {@code valLoss} is the last measured, or null. */
    public record Result(int step, double loss, Double valLoss, boolean stopped, Path checkpoint, double tokensPerSecond) {}

    private final GptModel model;
    private final TrainConfig cfg;
    private final Checkpoint.Meta meta;
    private final Examples train;
    private final Examples val;
    private final int padId;
    private final Tokenizer tokenizer;
    private final Path outDir;
    private final AdamW optimizer;
    private final DataOrder order;
    private int step;
    private long samplesSeen;

    /**
     * @param resumeState    null for a fresh run
     * @param optimizerState AdamW moments of a resumed run, or null
     */
    public Trainer(GptModel model, TrainConfig cfg, Checkpoint.Meta meta, Examples train, Examples val, int padId,
                   Tokenizer tokenizer, Path outDir, Checkpoint.State resumeState,
                   Map<String, SafeTensors.Tensor> optimizerState) {
        this.model = model;
        this.cfg = cfg;
        this.meta = meta;
        this.train = train;
        this.val = val;
        this.padId = padId;
        this.tokenizer = tokenizer;
        this.outDir = outDir;
        this.optimizer = new AdamW(model, cfg.beta1(), cfg.beta2(), cfg.eps(), cfg.weightDecay());
        if (optimizerState != null) {
            optimizer.load(optimizerState);
        }
        this.order = new DataOrder(train.size(), cfg.seed());
        if (resumeState != null) {
            step = resumeState.step();
            samplesSeen = resumeState.samplesSeen();
        }
    }

    public int step() {
        return step;
    }

    /** Trains until {@code maxSteps} or a stop request; checkpoints at intervals and at the end. */
    public Result run(StopSignal stop) throws IOException {
        Devices.setGradMode(false); // only the collector records graphs; eval and the optimizer must not
        model.setTraining(true);
        int startStep = step;
        Progress progress = new Progress("step", cfg.maxSteps(), 2000);
        double lastLoss = Double.NaN;
        Double lastVal = null;
        Path lastCheckpoint = null;
        boolean stopped = false;
        long tokens = 0;
        long t0 = System.nanoTime();
        try (MetricsLog metrics = new MetricsLog(outDir, step)) {
            while (step < cfg.maxSteps()) {
                if (stop != null && stop.requested()) {
                    stopped = true;
                    stop.acknowledge();
                    break;
                }
                double lr = cfg.learningRateAt(step);
                long stepStart = System.nanoTime();
                StepResult r = trainStep(lr);
                double stepSecs = (System.nanoTime() - stepStart) / 1e9;
                tokens += r.tokens;
                lastLoss = r.loss;
                step++;
                if (!Double.isFinite(r.loss)) {
                    throw new IllegalStateException("loss is " + r.loss + " at step " + step
                            + " (learning rate too high?)");
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("step", step);
                line.put("loss", r.loss);
                line.put("lr", lr);
                line.put("grad_norm", r.gradNorm);
                line.put("tokens_per_s", r.tokens / stepSecs);
                line.put("epoch", (double) samplesSeen / train.size());
                boolean last = step == cfg.maxSteps();
                if (val != null && (last || (cfg.evalInterval() > 0 && step % cfg.evalInterval() == 0))) {
                    lastVal = validationLoss();
                    line.put("val_loss", lastVal);
                }
                line.put("elapsed_s", (System.nanoTime() - t0) / 1e9);
                metrics.write(line);
                progress.update(step - startStep, startStep, String.format("loss %.4f%s lr %.2e %.0f tok/s",
                        r.loss, lastVal == null ? "" : String.format(" val %.4f", lastVal), lr,
                        tokens / ((System.nanoTime() - t0) / 1e9)), last);
                if (!last && cfg.checkpointInterval() > 0 && step % cfg.checkpointInterval() == 0) {
                    lastCheckpoint = checkpoint(lastVal);
                }
            }
        }
        if (step > startStep || stopped || lastCheckpoint == null) {
            lastCheckpoint = checkpoint(lastVal);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Result(step, lastLoss, lastVal, stopped, lastCheckpoint, tokens / Math.max(secs, 1e-9));
    }

    /** Loss, gradient norm before clipping, and tokens of one optimizer step. */
    public record StepResult(double loss, double gradNorm, long tokens) {}

    /** One optimizer step at the scheduled learning rate, without metrics or checkpoints (benchmarks). */
    public StepResult trainOneStep() {
        Devices.setGradMode(false);
        model.setTraining(true);
        StepResult r = trainStep(cfg.learningRateAt(step));
        step++;
        return r;
    }

    /** One optimizer step over {@code gradAccum} micro-batches. */
    private StepResult trainStep(double lr) {
        Engine.getInstance().setRandomSeed((int) (cfg.seed() + step)); // dropout masks: a function of (seed, step)
        Map<String, NDArray> params = model.parameters();
        double lossSum = 0;
        long tokens = 0;
        try (NDScope scope = new NDScope(); NDManager m = model.manager().newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray accum = m.create((float) cfg.gradAccum()); // a scalar NDArray: no Java scalars under autograd
                for (int micro = 0; micro < cfg.gradAccum(); micro++) {
                    List<Example> examples = new ArrayList<>(cfg.batchSize());
                    for (int i = 0; i < cfg.batchSize(); i++) {
                        examples.add(train.get(order.index(samplesSeen++)));
                    }
                    Batch batch = Batch.of(examples, padId, m);
                    tokens += (long) batch.inputs().getShape().get(0) * batch.inputs().getShape().get(1);
                    NDArray logits = model.forward(batch.inputs(), true); // (B, T, V)
                    NDArray loss = GptModel.loss(logits, batch.targets(), batch.weights());
                    gc.backward(loss.div(accum));
                    lossSum += loss.getFloat();
                }
            }
            Map<String, NDArray> grads = new LinkedHashMap<>();
            double sq = 0;
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(m);
                grads.put(e.getKey(), g);
                sq += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sq);
            if (cfg.gradClip() > 0 && norm > cfg.gradClip()) {
                float scale = (float) (cfg.gradClip() / (norm + 1e-6));
                grads.values().forEach(g -> g.muli(scale));
            }
            optimizer.step(params, grads, lr, step + 1);
            grads.values().forEach(g -> g.subi(g)); // zero the accumulated gradients for the next step
            return new StepResult(lossSum / cfg.gradAccum(), norm, tokens);
        }
    }

    /** Mean loss over the first {@code evalBatches} validation batches (always the same ones), no dropout. */
    public double validationLoss() {
        int n = Math.min(val.size(), cfg.evalBatches() * cfg.batchSize());
        double weighted = 0;
        double count = 0;
        try (NDScope scope = new NDScope(); NDManager m = model.manager().newSubManager()) {
            for (int start = 0; start < n; start += cfg.batchSize()) {
                List<Example> examples = new ArrayList<>();
                for (int i = start; i < Math.min(n, start + cfg.batchSize()); i++) {
                    examples.add(val.get(i));
                }
                try (NDScope inner = new NDScope()) {
                    Batch batch = Batch.of(examples, padId, m);
                    NDArray loss = GptModel.loss(model.forward(batch.inputs(), false), batch.targets(), batch.weights());
                    weighted += loss.getFloat() * batch.tokens();
                    count += batch.tokens();
                }
            }
        }
        return count == 0 ? Double.NaN : weighted / count;
    }

    private Path checkpoint(Double valLoss) throws IOException {
        Path dir = Checkpoint.save(outDir, meta, model.toTensors(), tokenizer, optimizer.state(),
                new Checkpoint.State(step, samplesSeen, cfg.seed(), valLoss));
        System.err.println("checkpoint " + dir);
        return dir;
    }

    public void close() {
        optimizer.close();
    }
}
