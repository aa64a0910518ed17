package ai.finetune.labeling.web;

import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.prompts.Demonstration;
import ai.finetune.labeling.prompts.Demonstrations;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code admin/labeling/demonstrations.xhtml}: accept demonstrations (SFT data) or send them back with a note. */
@Named
@ViewScoped
public class DemonstrationsAdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Demonstrations demonstrations;

    @Inject
    SecurityContext security;

    private List<Demonstration> waiting;
    private int acceptedCount;
    private Map<Long, String> notes = new HashMap<>();

    @PostConstruct
    public void init() {
        requireAdmin();
        waiting = demonstrations.waitingForReview();
        acceptedCount = demonstrations.accepted().size();
    }

    public void accept(long id) {
        review(id, true);
    }

    public void sendBack(long id) {
        review(id, false);
    }

    private void review(long id, boolean accept) {
        requireAdmin();
        try {
            Demonstration d = demonstrations.review(id, accept, notes.get(id), security.getCallerPrincipal().getName());
            Notes.info("Demonstration " + id + " " + (accept ? "accepted" : "sent back") + ".");
            notes.remove(d.getId());
            init();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    private void requireAdmin() {
        if (!security.isCallerInRole("ADMIN")) {
            throw new SecurityException("only admins review demonstrations");
        }
    }

    public List<Demonstration> getWaiting() { return waiting; }
    public int getAcceptedCount() { return acceptedCount; }
    public Map<Long, String> getNotes() { return notes; }
}
