package ai.finetune.portal.model;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backing bean of admin/models/index.xhtml: the registry with lineage. */
@Named("modelsPage")
@RequestScoped
public class ModelsPage {
    @Inject
    ModelRegistry models;

    public List<ModelArtifact> getModels() {
        return models.list();
    }

    public String parentName(Long parentId) {
        return parentId == null ? "" : models.find(parentId).map(ModelArtifact::getName).orElse("#" + parentId);
    }
}
