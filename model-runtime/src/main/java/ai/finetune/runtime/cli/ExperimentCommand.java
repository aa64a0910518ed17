package ai.finetune.runtime.cli;

import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.rlhf.experiment.InstructGptMini;
import ai.finetune.runtime.rlhf.experiment.ListTask;
import ai.finetune.runtime.rlhf.experiment.Preset;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code experiment instructgpt-mini}: the InstructGPT pipeline in miniature, with an honest report. */
public final class ExperimentCommand implements Command {
    static final Path DEFAULT_BASE = Path.of("models/base-python");

    @Override
    public String name() {
        return "experiment";
    }

    @Override
    public String summary() {
        return "experiment instructgpt-mini: SFT, RM (K-way vs shuffled), PPO and PPO-ptx in miniature";
    }

    @Override
    public String help() {
        return """
                experiment instructgpt-mini [--preset=quick|full] [--base=DIR] [--out=DIR] [--ptxData=PATH]
                  --preset=NAME   full (default, under 30 min on 2 quiet cores) or quick (under 10 min)
                  --base=DIR      small pretrained model (default models/base-python)
                  --ptxData=PATH  pretraining text for ptx and the alignment-tax loss (default
                                  /usr/lib/python3.11, the base model's corpus source)
                  --out=DIR       default runs/instructgpt-mini-<preset>; writes DIR/report.json, the SFT, RM and
                                  PPO runs, and rankings.jsonl (the simulated labelers' K-way rankings)
                  --seed=N        default 1337;  --device=cpu|gpu[:N]
                  --FIELD=VALUE   overrides one preset field (Preset: sftSteps, rmPrompts, ppoIterations, ptxCoef,
                                  klCoef, ...); the resolved preset is in the report
                report.json keys: rm_accuracy.{kway,shuffled}, win_rate.{ppo,ppo_ptx} (rate, ci_low, ci_high, n;
                judged by the hidden rule), kl.{ppo,ppo_ptx}, pretrain_loss.{base,sft,ppo,ppo_ptx}, findings
                (each claim with held true/false), iteration_seconds, stage_seconds.""";
    }

    @Override
    public int run(Options o) throws Exception {
        String experiment = o.positional(0, "the experiment's name (experiment " + ListTask.NAME + ")");
        if (!ListTask.NAME.equals(experiment)) {
            throw new UsageException("experiment: unknown experiment '" + experiment + "' (known: " + ListTask.NAME
                    + ")");
        }
        Preset preset;
        try {
            preset = RecordOptions.apply(Preset.named(o.string("preset", "full")), o, java.util.Set.of("name"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("experiment: --preset: " + e.getMessage());
        }
        Path base = o.path("base", DEFAULT_BASE);
        Path ptx = o.path("ptxData", Path.of("/usr/lib/python3.11"));
        Path out = o.path("out", Path.of("runs/" + experiment + "-" + preset.name()));
        long seed = o.longValue("seed", 1337);
        var device = Devices.parse(o.string("device", "cpu"));
        o.rejectUnknown();
        if (!Files.exists(base)) {
            throw new UsageException("experiment: no base model at " + base + " (pass --base=DIR: any small "
                    + "pretrained checkpoint, e.g. a pretrain run folder)");
        }
        if (!Files.exists(ptx)) {
            throw new UsageException("experiment: no pretraining text at " + ptx + " (pass --ptxData=PATH)");
        }
        Map<String, Object> report = new InstructGptMini(base, out, ptx, preset, seed, device).run();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("experiment", experiment);
        for (String k : new String[] {"rm_accuracy", "win_rate", "kl", "pretrain_loss"}) {
            summary.put(k, report.get(k));
        }
        summary.put("findings_held", ((java.util.List<?>) report.get("findings")).stream()
                .filter(f -> Boolean.TRUE.equals(((Map<?, ?>) f).get("held"))).count());
        summary.put("findings", ((java.util.List<?>) report.get("findings")).size());
        summary.put("report", out.resolve("report.json").toString());
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }
}
