package ai.finetune.labeling.web;

import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.screening.GoldItem;
import ai.finetune.labeling.screening.GoldKind;
import ai.finetune.labeling.screening.Screening;
import ai.finetune.labeling.screening.ScreeningAttempt;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code admin/labeling/screening.xhtml}: the gold items of the screening test (add, retire) and every attempt with
 * its scores; admins score demonstrations 1-7 here.
 */
@Named
@ViewScoped
public class ScreeningAdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Screening screening;

    @Inject
    SecurityContext security;

    private List<GoldItem> gold;
    private List<ScreeningAttempt> attempts;
    private GoldKind kind = GoldKind.FLAGGING;
    private String prompt;
    private String outputs;
    private Boolean sensitive;
    private String goldOrder;
    private Map<Long, Integer> scores = new HashMap<>();

    @PostConstruct
    public void init() {
        requireAdmin();
        reload();
    }

    private void reload() {
        gold = screening.allGold();
        attempts = screening.attempts();
    }

    public void addGold() {
        requireAdmin();
        try {
            List<String> outs = outputs == null || outputs.isBlank() ? List.of()
                    : Arrays.stream(outputs.replace("\r\n", "\n").split("\n---\n")).map(String::strip).toList();
            GoldItem g = screening.addGold(kind, prompt, outs, sensitive, goldOrder, caller());
            Notes.info("Gold item " + g.getId() + " (" + g.getKind() + ") added to the screening test.");
            prompt = null;
            outputs = null;
            goldOrder = null;
            sensitive = null;
            reload();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    public void retire(long id) {
        requireAdmin();
        try {
            screening.retireGold(id);
            Notes.info("Gold item " + id + " retired.");
            reload();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    public void score(long attemptId) {
        requireAdmin();
        Integer s = scores.get(attemptId);
        if (s == null) {
            Notes.error("choose a score from 1 to 7 for attempt " + attemptId);
            return;
        }
        try {
            ScreeningAttempt a = screening.scoreDemonstration(attemptId, s, caller());
            Notes.info(a.getUsername() + "'s demonstration scored " + s + "/7: " + a.getOutcome() + ".");
            reload();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    private void requireAdmin() {
        if (!security.isCallerInRole("ADMIN")) {
            throw new SecurityException("only admins manage the screening test");
        }
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public String percent(ai.finetune.labeling.Agreement.Tally t) {
        return t.total() == 0 ? "n/a" : String.format("%.0f%% (%d/%d)", t.rate() * 100, t.agreed(), t.total());
    }

    public List<GoldKind> getKinds() { return List.of(GoldKind.values()); }
    public List<Integer> getScoreValues() { return List.of(1, 2, 3, 4, 5, 6, 7); }
    public List<GoldItem> getGold() { return gold; }
    public List<ScreeningAttempt> getAttempts() { return attempts; }
    public GoldKind getKind() { return kind; }
    public void setKind(GoldKind kind) { this.kind = kind; }
    public String getPrompt() { return prompt; }
    public void setPrompt(String prompt) { this.prompt = prompt; }
    public String getOutputs() { return outputs; }
    public void setOutputs(String outputs) { this.outputs = outputs; }
    public Boolean getSensitive() { return sensitive; }
    public void setSensitive(Boolean sensitive) { this.sensitive = sensitive; }
    public String getGoldOrder() { return goldOrder; }
    public void setGoldOrder(String goldOrder) { this.goldOrder = goldOrder; }
    public Map<Long, Integer> getScores() { return scores; }
}
