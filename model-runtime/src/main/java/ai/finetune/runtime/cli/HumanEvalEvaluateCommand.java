package ai.finetune.runtime.cli;

import ai.finetune.runtime.eval.humaneval.Evaluation;
import ai.finetune.runtime.eval.humaneval.Problems;
import ai.finetune.runtime.eval.humaneval.Sample;
import ai.finetune.runtime.eval.humaneval.Samples;
import ai.finetune.runtime.eval.humaneval.Sandbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** {@code humaneval-evaluate}: scores a samples JSONL made anywhere, in the sandbox, like openai/human-eval. */
public final class HumanEvalEvaluateCommand implements Command {
    @Override
    public String name() {
        return "humaneval-evaluate";
    }

    @Override
    public String summary() {
        return "run samples' HumanEval tests in a sandbox; pass@k and <samples>_results.jsonl";
    }

    @Override
    public String help() {
        return """
            humaneval-evaluate --samples=F [options]
              --samples=F                 JSONL(.gz) with task_id and completion (other fields are kept)
              --problems=F                problems JSONL(.gz) (default: HumanEval, bundled)
              --k=1,10,100                pass@k to report (a k above the samples per task is skipped)
              --ignoreIncomplete=B        allow samples for only some problems (default false)
              --out=F                     results file (default <samples>_results.jsonl); the summary with
                                          per-task pass@k goes beside the samples as <samples>_summary.json
            """ + HumanEvalOptions.SANDBOX_HELP + """

            Last stdout line: JSON summary with pass@k, counts, samples/s.""";
    }

    @Override
    public int run(Options options) throws Exception {
        return HumanEvalOptions.badInputAsUsage(name(), options, this::execute);
    }

    private int execute(Options options) throws Exception {
        Path samplesFile = options.path("samples");
        Path problemsFile = options.path("problems", null);
        List<Integer> ks = HumanEvalOptions.ks(options, "1,10,100");
        boolean ignoreIncomplete = options.bool("ignoreIncomplete", false);
        Path out = options.path("out", Evaluation.resultsPath(samplesFile));
        int workers = HumanEvalOptions.workers(options);
        Sandbox sandbox = HumanEvalOptions.sandbox(options);
        options.rejectUnknown();

        Problems problems = Problems.loadOrBundled(problemsFile);
        List<Sample> samples = Samples.read(samplesFile, problems);
        System.err.printf("humaneval-evaluate: %d samples for %d problems (%s), %d workers, sandbox: %s%n",
                samples.size(), problems.size(), problems.source(), workers, sandbox.description());
        Evaluation evaluation = HumanEvalOptions.evaluate(options, problems, samples, sandbox, workers, ks,
                !ignoreIncomplete);
        evaluation.writeResults(out);
        Path summaryFile = Evaluation.summaryPath(samplesFile);
        Evaluation.writeSummary(summaryFile, evaluation.summaryWithTasks());
        ObjectNode summary = evaluation.summary();
        summary.put("results_file", out.toString());
        summary.put("summary_file", summaryFile.toString());
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }
}
