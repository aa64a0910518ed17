package ai.finetune.labeling.web;

import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.prompts.Demonstration;
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

/** {@code labeling/demonstrations.xhtml}: write the ideal response to the next prompt; revise sent-back ones. */
@Named
@ViewScoped
public class DemonstrationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Demonstrations demonstrations;

    @Inject
    SecurityContext security;

    private Long promptId;
    private String promptText;
    private String text;
    private List<Demonstration> mine;
    private Map<Long, String> revisions = new HashMap<>();

    @PostConstruct
    public void init() {
        LabelingPrompt p = demonstrations.nextPrompt(caller()).orElse(null);
        promptId = p == null ? null : p.getId();
        promptText = p == null ? null : p.getText();
        text = null;
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
    public void setText(String text) { this.text = text; }
    public List<Demonstration> getMine() { return mine; }
    public Map<Long, String> getRevisions() { return revisions; }
}
