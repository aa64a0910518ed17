package ai.finetune.portal.run;

import ai.finetune.portal.dataset.Dataset;
import ai.finetune.portal.dataset.DatasetService;
import ai.finetune.portal.model.ModelArtifact;
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
 * option names are the CLI's. Submitting queues the run and opens its page.
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
        parentModelId = models.ofKind(k.parentKind()).stream().findFirst().map(ModelArtifact::getId).orElse(null);
        datasetId = datasets.ofKind(k.dataKind()).stream().findFirst().map(Dataset::getId).orElse(null);
    }

    public String submit() {
        try {
            TrainingRun r = queue.submit(RunKind.of(kind), options, parentModelId, datasetId,
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
        return models.ofKind(RunKind.of(kind).parentKind());
    }

    public List<Dataset> getDatasets() {
        return datasets.ofKind(RunKind.of(kind).dataKind());
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
    public Long getDatasetId() { return datasetId; }
    public void setDatasetId(Long id) { this.datasetId = id; }
}
