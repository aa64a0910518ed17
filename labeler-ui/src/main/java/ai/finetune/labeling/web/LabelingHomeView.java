package ai.finetune.labeling.web;

import ai.finetune.labeling.Assignment;
import ai.finetune.labeling.LabelerProfile;
import ai.finetune.labeling.LabelerProfiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;

/** {@code labeling/index.xhtml}: the caller's labeler status and their recent work (their own only). */
@Named
@RequestScoped
public class LabelingHomeView {

    @Inject
    LabelerProfiles profiles;

    @Inject
    SecurityContext security;

    private LabelerProfile profile;
    private List<Assignment> recent;

    @PostConstruct
    public void init() {
        String me = security.getCallerPrincipal().getName();
        profile = profiles.profileOf(me);
        recent = profiles.recentWork(me);
    }

    public LabelerProfile getProfile() { return profile; }
    public List<Assignment> getRecent() { return recent; }
}
