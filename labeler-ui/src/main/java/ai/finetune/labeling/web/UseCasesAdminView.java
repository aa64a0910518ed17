package ai.finetune.labeling.web;

import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.prompts.UseCases;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;

/** {@code admin/labeling/use-cases.xhtml}: the use cases user-based prompts are written for; add, retire, re-enable. */
@Named
@ViewScoped
public class UseCasesAdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UseCases useCases;

    @Inject
    SecurityContext security;

    private String name;
    private String description;
    private List<UseCases.UseCase> all;

    @PostConstruct
    public void init() {
        requireAdmin();
        all = useCases.all();
    }

    public void add() {
        requireAdmin();
        try {
            UseCases.UseCase u = useCases.add(name, description, security.getCallerPrincipal().getName());
            Notes.info("Use case '" + u.name() + "' added.");
            name = null;
            description = null;
            init();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    public void retire(long id) {
        setActive(id, false);
    }

    public void enable(long id) {
        setActive(id, true);
    }

    private void setActive(long id, boolean active) {
        requireAdmin();
        try {
            useCases.setActive(id, active);
            Notes.info("Use case " + id + (active ? " is offered again." : " retired: no longer offered."));
            init();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    private void requireAdmin() {
        if (!security.isCallerInRole("ADMIN")) {
            throw new SecurityException("only admins maintain use cases");
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<UseCases.UseCase> getAll() { return all; }
}
