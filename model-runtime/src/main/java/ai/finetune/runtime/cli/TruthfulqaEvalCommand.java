package ai.finetune.runtime.cli;

import ai.finetune.runtime.eval.alignment.CategoryAccuracy;
import ai.finetune.runtime.eval.alignment.ModelScorer;
import ai.finetune.runtime.eval.alignment.ScorerFactory;
import ai.finetune.runtime.eval.alignment.TruthfulQaAnswer;
import ai.finetune.runtime.eval.alignment.TruthfulQaDataset;
import ai.finetune.runtime.eval.alignment.TruthfulQaMc1;
import ai.finetune.runtime.eval.alignment.TruthfulQaQuestion;
import ai.finetune.runtime.eval.alignment.TruthfulQaReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code truthfulqa-eval}: TruthfulQA MC1 of one model, overall and per category. */
public final class TruthfulqaEvalCommand implements Command {
    private final ScorerFactory scorers;

    /** @param scorers loads the {@code --model} directory */
    public TruthfulqaEvalCommand(ScorerFactory scorers) {
        this.scorers = Objects.requireNonNull(scorers);
    }

    @Override
    public String name() {
        return "truthfulqa-eval";
    }

    @Override
    public String summary() {
        return "TruthfulQA MC1 (lowest average per-token NLL) of a model, per category";
    }

    @Override
    public String help() {
        return """
                truthfulqa-eval --model=DIR [options]
                  --model=DIR     the checkpoint (or run folder, through its latest file) to score with
                  --device=D      cpu, gpu or gpu:N (default cpu)
                  --name=NAME     the model's name in the results (default: the directory's name)
                  --dataset=FILE  a TruthfulQA.csv (default: the shipped classic file, 817 questions, Apache-2.0)
                  --limit=N       score only the first N questions (default: all)
                  --out=DIR       writes truthfulqa.json (report with every pick), truthfulqa-categories.csv and
                                  truthfulqa-answers.csv (default: no files; the summary line only)
                Each question's candidates are its Best Answer and its Incorrect Answers; the model picks the one with
                the lowest average per-token negative log-likelihood after "Q: <question>\\nA:". MC1 is the fraction
                of questions where that is the best answer; "chance" is the mean of 1/choices.
                """;
    }

    @Override
    public int run(Options options) throws Exception {
        Path modelDir = options.path("model");
        String name = options.string("name", modelDir.toAbsolutePath().normalize().getFileName().toString());
        Path dataset = options.path("dataset", null);
        int limit = options.integer("limit", Integer.MAX_VALUE);
        Path out = options.path("out", null);
        String device = options.string("device", "cpu");
        options.rejectUnknown();
        if (limit < 1) {
            throw new UsageException(name() + ": --limit must be at least 1, got " + limit);
        }
        List<TruthfulQaQuestion> questions = dataset == null ? TruthfulQaDataset.load() : TruthfulQaDataset.load(dataset);
        questions = questions.subList(0, Math.min(limit, questions.size()));
        System.err.printf("%s: %d questions, model %s%n", name(), questions.size(), modelDir);
        TruthfulQaReport report;
        try (ModelScorer scorer = scorers.open(modelDir, device)) {
            report = TruthfulQaMc1.evaluate(name, questions, scorer, Progress.every(name(), 50));
        }
        if (out != null) {
            ResultFiles.json(out.resolve("truthfulqa.json"), report);
            ResultFiles.csv(out.resolve("truthfulqa-categories.csv"), report.categories(), CategoryAccuracy.class);
            ResultFiles.csv(out.resolve("truthfulqa-answers.csv"), report.answers(), TruthfulQaAnswer.class);
        }
        System.err.printf("%s: MC1 %.4f (%d of %d), chance %.4f%n", name(), report.mc1(), report.correct(),
                report.questions(), report.chance());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("model", name);
        summary.put("mc1", report.mc1());
        summary.put("chance", report.chance());
        summary.put("questions", report.questions());
        summary.put("correct", report.correct());
        summary.put("out", out == null ? null : out.toString());
        ResultFiles.summary(summary);
        return 0;
    }
}
