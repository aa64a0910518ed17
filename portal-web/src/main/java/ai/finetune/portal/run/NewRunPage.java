package ai.finetune.portal.run;

import ai.finetune.portal.dataset.Dataset;
import ai.finetune.portal.dataset.DatasetService;
import ai.finetune.portal.model.ModelArtifact;
import ai.finetune.portal.model.ModelKind;
import ai.finetune.portal.model.ModelRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of admin/runs/new.xhtml: one form per run kind, pre-filled with the config records' defaults;
 * option names are the CLI's. The pickers follow the kind: parent models of the kinds it starts from (or evaluates),
 * a reward model for ppo, datasets of the kind it reads. Submitting queues the run and opens its page.
 */
@Named("newRunPage")
@ViewScoped
public class NewRunPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient RunQueue queue;

    @Inject
    transient ModelRegistry models;

    @Inject
    transient DatasetService datasets;

    @Inject
    transient SecurityContext security;

    private String kind = RunKind.SFT.command();
    private Long parentModelId;
    private Long rewardModelId;
    private Long datasetId;
    /** Option name -> value, in form order; changed options only differ from the defaults. */
    private LinkedHashMap<String, String> options = new LinkedHashMap<>();

    @PostConstruct
    void init() {
        kindChanged();
    }

    public void kindChanged() {
        RunKind k = RunKind.of(kind);
        options = new LinkedHashMap<>(RunParameters.defaults(k));
        parentModelId = queue.newestModel(k.parentKinds());
        rewardModelId = k.needsRewardModel() ? queue.newestModel(List.of(ModelKind.RM)) : null;
        // humaneval without a dataset reads the bundled HumanEval; reward-model falls back to the labelers' rankings
        datasetId = k.dataKind() == null || k == RunKind.HUMANEVAL ? null
                : datasets.ofKind(k.dataKind()).stream().findFirst().map(Dataset::getId).orElse(null);
    }

    public String submit() {
        try {
            RunKind k = RunKind.of(kind);
            TrainingRun r = queue.submit(k, options, parentModelId, k.needsRewardModel() ? rewardModelId : null,
                    k.dataKind() == null ? null : datasetId,
                    security.getCallerPrincipal().getName());
            return "/admin/runs/run.xhtml?faces-redirect=true&id=" + r.getId();
        } catch (RunException e) {
            PageMessages.error("Cannot start the run: " + e.getMessage());
            return null;
        }
    }

    public RunKind[] getKinds() {
        return RunKind.values();
    }

    public List<ModelArtifact> getParents() {
        List<ModelArtifact> all = new ArrayList<>();
        RunKind.of(kind).parentKinds().forEach(k -> all.addAll(models.ofKind(k)));
        return all;
    }

    public List<ModelArtifact> getRewardModels() {
        return models.ofKind(ModelKind.RM);
    }

    public boolean isRewardModelShown() {
        return RunKind.of(kind).needsRewardModel();
    }

    public boolean isDatasetShown() {
        return RunKind.of(kind).dataKind() != null;
    }

    public List<Dataset> getDatasets() {
        RunKind k = RunKind.of(kind);
        return k.dataKind() == null ? List.of() : datasets.ofKind(k.dataKind());
    }

    /** What an empty dataset choice means for this kind. */
    public String getNoDatasetLabel() {
        return switch (RunKind.of(kind)) {
            case REWARD_MODEL -> "(rankings from labelers)";
            case HUMANEVAL -> "(bundled HumanEval, 164 problems)";
            default -> "(choose)";
        };
    }

    /** A line under the form saying what the kind runs and produces. */
    public String getDescription() {
        RunKind k = RunKind.of(kind);
        String from = k.parentKinds().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(" or "));
        String result = k.produces() != null ? "registers a " + k.produces() + " model"
                : k.evaluation() ? "stores an evaluation of the model" : "queues ranking tasks for the labelers";
        return "model-runtime " + k.cli() + "; parent model: " + from
                + (k.dataKind() == null ? "" : "; dataset: " + k.dataKind()) + "; " + result + "."
                + (k == RunKind.PPO ? " ptxDataset: a CODE dataset for PPO-ptx (empty: the newest one; ptxCoef=0 "
                + "for plain PPO)." : "") + " Empty options are left to the command's defaults.";
    }

    public List<String> getOptionNames() {
        return new ArrayList<>(options.keySet());
    }

    public Map<String, String> getOptions() {
        return options;
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getParentModelId() { return parentModelId; }
    public void setParentModelId(Long id) { this.parentModelId = id; }
    public Long getRewardModelId() { return rewardModelId; }
    public void setRewardModelId(Long id) { this.rewardModelId = id; }
    public Long getDatasetId() { return datasetId; }
    public void setDatasetId(Long id) { this.datasetId = id; }
}
