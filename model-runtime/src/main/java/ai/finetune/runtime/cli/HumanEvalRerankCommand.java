package ai.finetune.runtime.cli;

import ai.finetune.runtime.eval.humaneval.Evaluation;
import ai.finetune.runtime.eval.humaneval.Problems;
import ai.finetune.runtime.eval.humaneval.Reranking;
import ai.finetune.runtime.eval.humaneval.Samples;
import ai.finetune.runtime.eval.humaneval.Sandbox;
import ai.finetune.runtime.eval.humaneval.ScoredSamples;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** {@code humaneval-rerank}: pass@1 of the highest-mean-log-prob sample per task, beside random and oracle picks. */
public final class HumanEvalRerankCommand implements Command {
    @Override
    public String name() {
        return "humaneval-rerank";
    }

    @Override
    public String summary() {
        return "pick one sample per task by mean token log-prob; vs random (pass@1) and oracle (pass@n)";
    }

    @Override
    public String help() {
        return """
            humaneval-rerank (--results=F | --samples=F) [options]
              --results=F                 a results file (<samples>_results.jsonl) whose lines carry mean_logprob
              --samples=F                 or a samples file with mean_logprob: evaluated first, in the sandbox
                                          (writes <samples>_results.jsonl like humaneval-evaluate)
              --problems=F                problems JSONL(.gz) (default: HumanEval, bundled)
            With --samples, the sandbox options of humaneval-evaluate apply:
            """ + HumanEvalOptions.SANDBOX_HELP + """

            Last stdout line: {"ranked_pass@1", "random_pass@1", "oracle_pass@n", "tasks", ...}.""";
    }

    @Override
    public int run(Options options) throws Exception {
        return HumanEvalOptions.badInputAsUsage(name(), options, this::execute);
    }

    private int execute(Options options) throws Exception {
        boolean fromResults = options.has("results");
        boolean fromSamples = options.has("samples");
        if (fromResults == fromSamples) {
            throw new UsageException(name() + ": give exactly one of --results=F and --samples=F");
        }
        Path problemsFile = options.path("problems", null);
        ScoredSamples scored;
        ObjectNode summary;
        if (fromResults) {
            Path results = options.path("results");
            options.rejectUnknown();
            scored = ScoredSamples.readResults(results, Problems.loadOrBundled(problemsFile));
            summary = rerank(scored);
        } else {
            Path samplesFile = options.path("samples");
            int workers = HumanEvalOptions.workers(options);
            Sandbox sandbox = HumanEvalOptions.sandbox(options);
            options.rejectUnknown();
            Problems problems = Problems.loadOrBundled(problemsFile);
            Evaluation evaluation = Evaluation.run(problems, Samples.read(samplesFile, problems), sandbox, workers,
                    List.of(1), false, System.err);
            Path out = Evaluation.resultsPath(samplesFile);
            evaluation.writeResults(out);
            summary = rerank(ScoredSamples.of(evaluation));
            summary.put("results_file", out.toString());
        }
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }

    private ObjectNode rerank(ScoredSamples scored) {
        try {
            return Reranking.of(scored).toJson();
        } catch (IllegalArgumentException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        }
    }
}
