package ai.finetune.runtime.cli;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.Examples;
import ai.finetune.runtime.training.StopSignal;
import ai.finetune.runtime.training.Trainer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code pretrain} and {@code sft} share: a fresh model ({@code --tokenizer} + model options), a model
 * initialised from a checkpoint ({@code --init=DIR}), or a run continued exactly ({@code --resume=DIR});
 * config overrides by field name; the trainer; the JSON summary.
 */
abstract class TrainingCommand implements Command {
    private static final Set<String> MODEL_SKIP = Set.of("vocabSize");
    private static final Set<String> TRAIN_SKIP = Set.of();

    /** {@code pretrain} or {@code sft}. */
    abstract String kind();

    abstract TrainConfig defaults();

    /** Model defaults for a fresh model of this kind. */
    abstract GptConfig modelDefaults(int vocabSize);

    /** Dropout to use when starting from a checkpoint (--init) unless --dropout is given; null keeps the checkpoint's. */
    abstract Double initDropout();

    /** Training and validation examples of {@code --data}. */
    abstract Data loadData(Path data, Path valData, Tokenizer tokenizer, int seqLen) throws Exception;

    record Data(Examples train, Examples val, Map<String, Object> summary) {}

    abstract String dataHelp();

    @Override
    public String help() {
        return "usage: " + name() + " --data=DIR|FILE --tokenizer=FILE --out=DIR [options]\n" + summary() + "\n\n"
                + dataHelp()
                + "  --tokenizer=FILE        tokenizer.json (a fresh model; --init/--resume use the checkpoint's)\n"
                + "  --valData=FILE          validation file instead of holding out every 20th record\n"
                + "  --out=DIR               run folder: step-N checkpoints, latest, metrics.jsonl (default: --resume)\n"
                + "  --init=DIR              start from this checkpoint's weights (a new run, step 0)\n"
                + "  --resume=DIR            continue this run exactly (its config; --maxSteps may be raised)\n"
                + "  --device=cpu|gpu        default cpu\n"
                + "  --threads=N             PyTorch intra-op threads (default: DJL's)\n"
                + "Model (fresh model; with --init only dropout applies):\n"
                + RecordOptions.describe(modelDefaults(0 + 1), MODEL_SKIP)
                + "Training:\n" + RecordOptions.describe(defaults(), TRAIN_SKIP)
                + "Stop cleanly (checkpoint, exit 0): SIGTERM or a file <out>/STOP.\n"
                + "Last stdout line: JSON summary {checkpoint, step, loss, val_loss, stopped, tokens_per_s, ...}.";
    }

    @Override
    public int run(Options options) throws Exception {
        String threads = options.string("threads", null);
        if (threads != null) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(options.integer("threads", 1)));
        }
        Path resume = options.path("resume", null);
        Path init = options.path("init", null);
        if (resume != null && init != null) {
            throw new UsageException(name() + ": give --resume or --init, not both");
        }
        Path out = options.path("out", resume);
        if (out == null) {
            throw new UsageException(name() + ": missing required option --out");
        }
        Device device = Devices.parse(options.string("device", "cpu"));
        Path tokenizerFile = options.path("tokenizer", null);

        Checkpoint.Loaded from = null;
        Tokenizer tokenizer;
        GptConfig modelConfig;
        TrainConfig trainConfig;
        if (resume != null) {
            from = Checkpoint.load(resume);
            if (from.state() == null || from.optimizer() == null || from.meta().training() == null) {
                throw new UsageException(name() + ": " + from.dir() + " holds no training state; use --init to "
                        + "start a new run from it");
            }
            if (tokenizerFile != null) {
                throw new UsageException(name() + ": --tokenizer cannot change on --resume");
            }
            tokenizer = BpeTokenizer.load(from.tokenizerFile());
            modelConfig = from.meta().model();
            // only maxSteps may change: every other field must stay for the run to continue exactly
            for (var c : TrainConfig.class.getRecordComponents()) {
                if (!c.getName().equals("maxSteps") && options.has(c.getName())) {
                    throw new UsageException(name() + ": --" + c.getName() + " cannot change on --resume (only "
                            + "--maxSteps can)");
                }
            }
            for (var c : GptConfig.class.getRecordComponents()) {
                if (options.has(c.getName())) {
                    throw new UsageException(name() + ": --" + c.getName() + " cannot change on --resume");
                }
            }
            trainConfig = RecordOptions.apply(from.meta().training(), options, TRAIN_SKIP);
        } else {
            if (init != null) {
                from = Checkpoint.load(init);
                tokenizer = BpeTokenizer.load(tokenizerFile != null ? tokenizerFile : from.tokenizerFile());
                modelConfig = from.meta().model();
                if (tokenizer.vocabSize() > modelConfig.vocabSize()) {
                    throw new UsageException(name() + ": tokenizer has " + tokenizer.vocabSize()
                            + " tokens, the checkpoint " + modelConfig.vocabSize()
                            + " embedding rows; run adapt-checkpoint first");
                }
                Double d = initDropout();
                double dropout = options.decimal("dropout", d != null ? d : modelConfig.dropout());
                modelConfig = modelConfig.withDropout(dropout);
            } else {
                if (tokenizerFile == null) {
                    throw new UsageException(name() + ": missing required option --tokenizer (or --init/--resume)");
                }
                tokenizer = BpeTokenizer.load(tokenizerFile);
                modelConfig = RecordOptions.apply(modelDefaults(tokenizer.vocabSize()), options, MODEL_SKIP);
            }
            TrainConfig base = defaults();
            if (base.seqLen() > modelConfig.context() && !options.has("seqLen")) {
                base = RecordOptions.with(base, "seqLen", modelConfig.context());
            }
            trainConfig = RecordOptions.apply(base, options, TRAIN_SKIP);
        }
        if (trainConfig.seqLen() > modelConfig.context()) {
            throw new UsageException(name() + ": --seqLen=" + trainConfig.seqLen() + " exceeds the model's context "
                    + modelConfig.context());
        }
        if (resume == null) {
            options.path("data"); // required for a new run
        }
        Path dataPath = options.path("data", null);
        Path valData = options.path("valData", null);
        options.rejectUnknown();
        if (dataPath == null) {
            dataPath = Path.of(from.meta().options().getOrDefault("data", ""));
            String v = from.meta().options().get("valData");
            valData = v == null ? null : Path.of(v);
            if (dataPath.toString().isEmpty()) {
                throw new UsageException(name() + ": missing required option --data");
            }
        }

        Map<String, String> given = new TreeMap<>(resume != null ? from.meta().options() : Map.of());
        given.putAll(options.given());
        given.put("data", dataPath.toString());
        Checkpoint.Meta meta = new Checkpoint.Meta(kind(), modelConfig, trainConfig, given);
        System.err.printf("%s: model %s (%,d parameters), %s%n", name(), modelConfig, modelConfig.parameterCount(),
                trainConfig);

        long t0 = System.nanoTime();
        Data data = loadData(dataPath, valData, tokenizer, trainConfig.seqLen());
        System.err.printf("%s: data %s (%.1fs)%n", name(), data.summary(), (System.nanoTime() - t0) / 1e9);

        StopSignal.installSignalHandlers();
        try (GptModel model = from != null ? GptModel.fromTensors(modelConfig, device, from.weights())
                : GptModel.create(modelConfig, device, trainConfig.seed())) {
            Trainer trainer = new Trainer(model, trainConfig, meta, data.train(), data.val(), tokenizer.endOfTextId(),
                    tokenizer, out, resume != null ? from.state() : null, resume != null ? from.optimizer() : null);
            Trainer.Result r;
            try {
                r = trainer.run(new StopSignal(out));
            } finally {
                trainer.close();
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("command", name());
            summary.put("checkpoint", r.checkpoint().toString());
            summary.put("step", r.step());
            summary.put("max_steps", trainConfig.maxSteps());
            summary.put("loss", r.loss());
            summary.put("val_loss", r.valLoss());
            summary.put("stopped", r.stopped());
            summary.put("tokens_per_s", r.tokensPerSecond());
            summary.put("parameters", modelConfig.parameterCount());
            summary.put("data", data.summary());
            System.out.println(new ObjectMapper().writeValueAsString(summary));
        }
        return 0;
    }
}
