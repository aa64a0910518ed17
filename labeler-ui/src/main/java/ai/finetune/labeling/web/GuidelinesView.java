package ai.finetune.labeling.web;

import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.screening.Guideline;
import ai.finetune.labeling.screening.Screening;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;

/** {@code labeling/guidelines.xhtml} (read) and {@code admin/labeling/guidelines.xhtml} (edit, admins only). */
@Named
@ViewScoped
public class GuidelinesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Screening screening;

    @Inject
    SecurityContext security;

    private String body;
    private String editedBy;
    private java.time.Instant editedAt;

    @PostConstruct
    public void init() {
        screening.guidelines().ifPresent(this::show);
    }

    private void show(Guideline g) {
        body = g.getBody();
        editedBy = g.getEditedBy();
        editedAt = g.getEditedAt();
    }

    public void save() {
        if (!security.isCallerInRole("ADMIN")) {
            throw new SecurityException("only admins edit the guidelines");
        }
        try {
            show(screening.saveGuidelines(body, security.getCallerPrincipal().getName()));
            Notes.info("Guidelines saved.");
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getEditedBy() { return editedBy; }
    public java.time.Instant getEditedAt() { return editedAt; }
}
