package ai.finetune.portal.run;

import ai.finetune.portal.dataset.DatasetKind;
import ai.finetune.portal.model.ModelKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The stages a run form can start. Each is a Jakarta Batch job of the same name (batch-jobs,
 * META-INF/batch-jobs/&lt;job&gt;.xml) running one model-runtime command ({@link #cli()}).
 *
 * @param parentKinds  the kinds of model the run may start from (or evaluates), the preferred first
 * @param dataKind     the kind of dataset it reads; null: none (the evaluation data is bundled)
 * @param dataRequired whether a dataset must be chosen (reward-model falls back to the labelers' rankings,
 *                     humaneval to the bundled HumanEval problems)
 * @param produces     the kind of model it registers when it completes; null: none (sampling, evaluations)
 * @param resumable    whether a restart continues from the run folder's checkpoint (else it runs again)
 */
public enum RunKind {
    PRETRAIN("pretrain", "pretrain", List.of(ModelKind.BASE), DatasetKind.CODE, true, ModelKind.BASE, true),
    SFT("sft", "sft", List.of(ModelKind.BASE), DatasetKind.DEMONSTRATIONS, true, ModelKind.SFT, true),
    SAMPLE_COMPARISONS("sample-comparisons", "sample", List.of(ModelKind.SFT, ModelKind.BASE, ModelKind.PPO),
            DatasetKind.PROMPTS, true, null, false),
    REWARD_MODEL("reward-model", "reward-train", List.of(ModelKind.SFT), DatasetKind.RANKINGS, false, ModelKind.RM,
            false),
    PPO("ppo", "ppo", List.of(ModelKind.SFT), DatasetKind.PROMPTS, true, ModelKind.PPO, true),
    HUMANEVAL("humaneval", "humaneval", Evaluation.TARGETS, DatasetKind.HUMANEVAL, false, null, false),
    TRUTHFULQA("truthfulqa", "truthfulqa-eval", Evaluation.TARGETS, null, false, null, false),
    BBQ("bbq", "bbq-eval", Evaluation.TARGETS, null, false, null, false);

    private final String command;
    private final String cli;
    private final List<ModelKind> parentKinds;
    private final DatasetKind dataKind;
    private final boolean dataRequired;
    private final ModelKind produces;
    private final boolean resumable;

    RunKind(String command, String cli, List<ModelKind> parentKinds, DatasetKind dataKind, boolean dataRequired,
            ModelKind produces, boolean resumable) {
        this.command = command;
        this.cli = cli;
        this.parentKinds = parentKinds;
        this.dataKind = dataKind;
        this.dataRequired = dataRequired;
        this.produces = produces;
        this.resumable = resumable;
    }

    /** The job name and the API's {@code kind}. */
    public String command() {
        return command;
    }

    public String getCommand() {
        return command;
    }

    /** The model-runtime command the worker runs. */
    public String cli() {
        return cli;
    }

    /** The preferred parent kind (the first of {@link #parentKinds()}). */
    public ModelKind parentKind() {
        return parentKinds.get(0);
    }

    public List<ModelKind> parentKinds() {
        return parentKinds;
    }

    public DatasetKind dataKind() {
        return dataKind;
    }

    public boolean dataRequired() {
        return dataRequired;
    }

    public ModelKind produces() {
        return produces;
    }

    public boolean resumable() {
        return resumable;
    }

    /** PPO also names a reward model ({@code rewardModel}). */
    public boolean needsRewardModel() {
        return this == PPO;
    }

    /** An evaluation: stores an evaluation_result for its parent instead of producing a model. */
    public boolean evaluation() {
        return this == HUMANEVAL || this == TRUTHFULQA || this == BBQ;
    }

    public static RunKind of(String command) {
        for (RunKind k : values()) {
            if (k.command.equals(command) || k.name().equals(command.toUpperCase(Locale.ROOT).replace('-', '_'))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown run kind '" + command + "'; known: " + known());
    }

    public static String known() {
        return Arrays.stream(values()).map(RunKind::command).collect(Collectors.joining(", "));
    }

    /** Which models an evaluation may measure: every kind but a reward model (it emits a score, not text). */
    private static final class Evaluation {
        static final List<ModelKind> TARGETS = List.of(ModelKind.PPO, ModelKind.SFT, ModelKind.BASE);
    }
}
