package ai.finetune.labeling.web;

import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.prompts.Demonstration;
import ai.finetune.labeling.prompts.DemonstrationDrafts;
import ai.finetune.labeling.prompts.Demonstrations;
import ai.finetune.labeling.prompts.LabelingPrompt;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code labeling/demonstrations.xhtml}: write the ideal response to the next prompt; revise sent-back ones. The text
 * being written is saved as a draft a moment after the labeler stops typing ({@link #autosave}); the editor reopens
 * the prompt of the latest draft that still needs a demonstration, with the text so far.
 */
@Named
@ViewScoped
public class DemonstrationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Demonstrations demonstrations;

    @Inject
    DemonstrationDrafts drafts;

    @Inject
    SecurityContext security;

    private java.time.Instant draftSavedAt;

    private Long promptId;
    private String promptText;
    private String text;
    private List<Demonstration> mine;
    private Map<Long, String> revisions = new HashMap<>();

    @PostConstruct
    public void init() {
        var draft = drafts.latestOpen(caller());
        LabelingPrompt p = draft.flatMap(d -> demonstrations.prompt(d.promptId()))
                .or(() -> demonstrations.nextPrompt(caller())).orElse(null);
        promptId = p == null ? null : p.getId();
        promptText = p == null ? null : p.getText();
        text = draft.filter(d -> p != null && d.promptId() == p.getId()).map(DemonstrationDrafts.Draft::text).orElse(null);
        draftSavedAt = null;
        mine = demonstrations.mine(caller());
        revisions = new HashMap<>();
        mine.stream().filter(d -> d.getState() == Demonstration.State.SENT_BACK).forEach(d -> revisions.put(d.getId(), d.getText()));
    }

    public void write() {
        if (promptId == null) {
            Notes.error("there is no prompt to answer");
            return;
        }
        try {
            Demonstration d = demonstrations.write(caller(), promptId, text);
            Notes.info("Demonstration " + d.getId() + " sent for review.");
            init();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    /** Called by the page a moment after typing stops; the page names the prompt it shows (see autosave.js). */
    public void autosave() {
        String shown = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("task");
        if (promptId == null || shown == null || !shown.equals(String.valueOf(promptId))) {
            return;
        }
        try {
            drafts.save(caller(), promptId, text);
            draftSavedAt = java.time.Instant.now();
        } catch (LabelingException e) {
            Notes.error("The draft was not saved: " + e.getMessage());
        }
    }

    public void revise(long id) {
        try {
            demonstrations.revise(caller(), id, revisions.get(id));
            Notes.info("Demonstration " + id + " revised and sent for review again.");
            init();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public Long getPromptId() { return promptId; }
    public String getPromptText() { return promptText; }
    public String getText() { return text; }
    public java.time.Instant getDraftSavedAt() { return draftSavedAt; }
    public void setText(String text) { this.text = text; }
    public List<Demonstration> getMine() { return mine; }
    public Map<Long, String> getRevisions() { return revisions; }
}
