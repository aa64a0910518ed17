package ai.finetune.runtime.cli;

import ai.finetune.runtime.checkpoint.LoadedModel;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.eval.humaneval.Evaluation;
import ai.finetune.runtime.eval.humaneval.Generation;
import ai.finetune.runtime.eval.humaneval.Problems;
import ai.finetune.runtime.eval.humaneval.Samples;
import ai.finetune.runtime.eval.humaneval.Sandbox;
import ai.finetune.runtime.eval.humaneval.ScoredSamples;
import ai.finetune.runtime.eval.humaneval.TemperatureSweep;
import ai.finetune.runtime.sampling.Sampler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code humaneval-sweep}: pass@k for several k across temperatures, as JSON for dashboards. */
public final class HumanEvalSweepCommand implements Command {
    @Override
    public String name() {
        return "humaneval-sweep";
    }

    @Override
    public String summary() {
        return "pass@k across sampling temperatures (from sample/results files, or by generating) as JSON";
    }

    @Override
    public String help() {
        return """
            humaneval-sweep --out=F (--results=T=F,... | --samples=T=F,... | --model=DIR --temperatures=T,...)
              --out=F                     sweep JSON: k, temperatures, points, series per k, best temperature
              --k=1,10,100                pass@k to report (a k above a file's samples per task is left out)
              --results=0.2=a.jsonl,...   results files (already evaluated), one per temperature
              --samples=0.2=a.jsonl,...   samples files, one per temperature: evaluated in the sandbox first
              --model=DIR                 or generate: one samples file per temperature under --samplesDir
              --temperatures=0.2,0.8      temperatures to generate at (with --model)
              --samplesDir=D              where generated samples go (default: beside --out)
              --n, --topP, --maxTokens, --batch, --seed, --limit, --device: as humaneval-generate
              --problems=F                problems JSONL(.gz) (default: HumanEval, bundled)
            With --samples or --model, the sandbox options of humaneval-evaluate apply:
            """ + HumanEvalOptions.SANDBOX_HELP + """

            Last stdout line: the sweep JSON.""";
    }

    @Override
    public int run(Options options) throws Exception {
        return HumanEvalOptions.badInputAsUsage(name(), options, this::execute);
    }

    private int execute(Options options) throws Exception {
        Path out = options.path("out");
        List<Integer> ks = HumanEvalOptions.ks(options, "1,10,100");
        Path problemsFile = options.path("problems", null);
        int modes = (options.has("results") ? 1 : 0) + (options.has("samples") ? 1 : 0) + (options.has("model") ? 1 : 0);
        if (modes != 1) {
            throw new UsageException(name() + ": give exactly one of --results, --samples and --model");
        }
        TemperatureSweep sweep = new TemperatureSweep(ks);
        if (options.has("results")) {
            List<Run> runs = runs(options, "results");
            options.rejectUnknown();
            Problems problems = Problems.loadOrBundled(problemsFile);
            for (Run r : runs) {
                sweep.add(r.temperature(), r.file().toString(), ScoredSamples.readResults(r.file(), problems));
            }
        } else {
            List<Run> runs;
            Path model = null;
            Generation.Settings settings = null;
            int limit = 0;
            Path samplesDir = null;
            var device = Devices.parse("cpu");
            if (options.has("samples")) {
                runs = runs(options, "samples");
            } else {
                model = options.path("model");
                settings = HumanEvalGenerateCommand.settings(options, 0.8);
                limit = options.integer("limit", 0);
                device = Devices.parse(options.string("device", "cpu"));
                samplesDir = options.path("samplesDir", out.toAbsolutePath().getParent());
                runs = new ArrayList<>();
                for (String t : options.required("temperatures").split(",")) {
                    double temperature = temperature(options, t);
                    runs.add(new Run(temperature, samplesDir.resolve("humaneval_samples_t" + t.trim() + ".jsonl")));
                }
            }
            int workers = HumanEvalOptions.workers(options);
            Sandbox sandbox = HumanEvalOptions.sandbox(options);
            options.rejectUnknown();
            Problems problems = Problems.loadOrBundled(problemsFile);
            if (model != null) {
                try (LoadedModel m = LoadedModel.load(model, device)) {
                    Sampler sampler = new Sampler(m.model(), m.tokenizer());
                    for (Run r : runs) {
                        Generation.Settings s = new Generation.Settings(settings.n(), r.temperature(), settings.topP(),
                                settings.maxTokens(), settings.batch(), settings.seed());
                        Generation.run(sampler, problems, limit, s, r.file(), System.err);
                    }
                }
            }
            for (Run r : runs) {
                System.err.printf("humaneval-sweep: T=%s %s%n", r.temperature(), r.file());
                Evaluation e = HumanEvalOptions.evaluate(options, problems, Samples.read(r.file(), problems), sandbox,
                        workers, ks, limit == 0);
                e.writeResults(Evaluation.resultsPath(r.file()));
                sweep.add(r.temperature(), r.file().toString(), ScoredSamples.of(e));
            }
        }
        ObjectNode json = sweep.toJson();
        Evaluation.writeSummary(out, json); // pretty JSON, written atomically
        json.put("sweep_file", out.toString());
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }

    private record Run(double temperature, Path file) {}

    /** {@code 0.2=a.jsonl,0.8=b.jsonl}. */
    private static List<Run> runs(Options options, String key) {
        List<Run> runs = new ArrayList<>();
        for (String part : options.required(key).split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new UsageException(options.command() + ": --" + key + " takes TEMPERATURE=FILE pairs separated by "
                        + "commas, got '" + part + "'");
            }
            runs.add(new Run(temperature(options, part.substring(0, eq)), Path.of(part.substring(eq + 1).trim())));
        }
        return runs;
    }

    private static double temperature(Options options, String text) {
        try {
            double t = Double.parseDouble(text.trim());
            if (t < 0 || Double.isNaN(t) || Double.isInfinite(t)) {
                throw new NumberFormatException();
            }
            return t;
        } catch (NumberFormatException e) {
            throw new UsageException(options.command() + ": temperature must be a number >= 0, got '" + text + "'");
        }
    }
}
