package ai.finetune.labeling.web;

import ai.finetune.labeling.LabelerProfile;
import ai.finetune.labeling.LabelerProfiles;
import ai.finetune.labeling.LabelerStatus;
import ai.finetune.labeling.LabelingException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;

/** {@code admin/labeling/labelers.xhtml}: every labeler's status; an admin sets it (overriding the screening test). */
@Named
@ViewScoped
public class LabelersAdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LabelerProfiles profiles;

    @Inject
    SecurityContext security;

    private List<LabelerProfile> all;
    private String username;
    private LabelerStatus status;
    private String note;

    @PostConstruct
    public void init() {
        requireAdmin();
        all = profiles.all();
    }

    /** Sets a labeler's status; the web.xml constraint on /admin/* is checked here again. */
    public void decide() {
        requireAdmin();
        try {
            if (username == null || username.isBlank()) {
                throw new LabelingException("name the labeler whose status you set");
            }
            LabelerProfile p = profiles.decide(username.strip(), status, note, security.getCallerPrincipal().getName());
            Notes.info(p.getUsername() + " is now " + p.getStatus() + ".");
            username = null;
            note = null;
            all = profiles.all();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    private void requireAdmin() {
        if (!security.isCallerInRole("ADMIN")) {
            throw new SecurityException("only admins manage labelers");
        }
    }

    public List<LabelerProfile> getAll() { return all; }
    public List<LabelerStatus> getStatuses() { return List.of(LabelerStatus.values()); }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public LabelerStatus getStatus() { return status; }
    public void setStatus(LabelerStatus status) { this.status = status; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
