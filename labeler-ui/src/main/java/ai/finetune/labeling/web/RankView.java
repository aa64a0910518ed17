package ai.finetune.labeling.web;

import ai.finetune.labeling.Assignment;
import ai.finetune.labeling.ItemKind;
import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.LabelingOutput;
import ai.finetune.labeling.LabelingQueue;
import ai.finetune.labeling.MetadataFlag;
import ai.finetune.labeling.RankDraft;
import ai.finetune.labeling.RankOrder;
import ai.finetune.labeling.RankingInput;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code labeling/rank.xhtml}: the caller's current ranking task (leased from the queue). The order comes from the
 * page's script as text ({@link RankOrder}); scores and flags are ordinary inputs. Order, scores and flags are kept
 * as the draft ({@link RankDraft}): the page saves it by itself shortly after every change ({@link #autosave}), so a
 * reload, or the same item drawn again after the lease ran out, comes back to where the labeler was.
 */
@Named
@ViewScoped
public class RankView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LabelingQueue queue;

    @Inject
    SecurityContext security;

    private Long assignmentId;
    private String prompt;
    private Instant leaseExpiresAt;
    private List<OutputRow> rows = new ArrayList<>();
    private String order;
    private String refusal;
    private int saved;
    private Instant draftSavedAt;

    @PostConstruct
    public void init() {
        load();
    }

    private void load() {
        assignmentId = null;
        rows = new ArrayList<>();
        order = null;
        refusal = null;
        draftSavedAt = null;
        try {
            queue.next(caller(), ItemKind.RANKING).ifPresent(this::show);
        } catch (LabelingException e) {
            refusal = e.getMessage();
        }
    }

    private void show(Assignment a) {
        assignmentId = a.getId();
        prompt = a.getItem().getPrompt();
        leaseExpiresAt = a.getLeaseExpiresAt();
        RankDraft draft = RankDraft.parse(a.getDraft());
        char letter = 'A';
        for (LabelingOutput o : a.getItem().getOutputs()) {
            OutputRow row = new OutputRow(o.getId(), String.valueOf(letter++), o.getText());
            row.setScore(draft.scores().get(o.getId()));
            row.setFlags(new ArrayList<>(draft.flags().getOrDefault(o.getId(), Set.of()).stream().map(Enum::name).toList()));
            rows.add(row);
        }
        order = draft.order();
    }

    /** The page's state as a draft: the order from the script, the scores and flags from the inputs. */
    private String draftText() {
        Map<Long, Integer> scores = new HashMap<>();
        Map<Long, Set<MetadataFlag>> flags = new HashMap<>();
        for (OutputRow r : rows) {
            if (r.getScore() != null) {
                scores.put(r.getId(), r.getScore());
            }
            flags.put(r.getId(), r.getFlags().isEmpty() ? Set.of() : MetadataFlag.parse(String.join(",", r.getFlags())));
        }
        return new RankDraft(order, scores, flags).text();
    }

    /** Saves the ranking, then shows the next task. */
    public void submit() {
        if (assignmentId == null) {
            Notes.error("there is no task to save");
            return;
        }
        try {
            RankOrder parsed = RankOrder.parse(order);
            Map<Long, Integer> scores = new HashMap<>();
            Map<Long, Set<MetadataFlag>> flags = new HashMap<>();
            for (OutputRow r : rows) {
                if (r.getScore() != null) {
                    scores.put(r.getId(), r.getScore());
                }
                flags.put(r.getId(), r.getFlags().isEmpty() ? Set.of()
                        : EnumSet.copyOf(r.getFlags().stream().map(f -> MetadataFlag.parse(f).iterator().next()).toList()));
            }
            queue.submitRanking(assignmentId, caller(), new RankingInput(parsed, scores, flags));
            saved++;
            Notes.info("Saved the ranking of " + rows.size() + " outputs (" + parsed.pairs().size() + " comparisons).");
            load();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    /** Keeps the current order, scores and flags as partial work. */
    public void saveDraft() {
        if (assignmentId == null) {
            return;
        }
        try {
            queue.saveDraft(assignmentId, caller(), draftText());
            draftSavedAt = Instant.now();
            Notes.info("Draft kept: you can come back to this task while your lease lasts.");
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    /**
     * Called by the page a moment after each change (p:remoteCommand). The page sends the task it shows: a save that
     * arrives after a submission moved the view to the next task must not write the old task's state onto it.
     */
    public void autosave() {
        String task = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("task");
        if (assignmentId == null || task == null || !task.equals(String.valueOf(assignmentId))) {
            return;
        }
        try {
            queue.saveDraft(assignmentId, caller(), draftText());
            draftSavedAt = Instant.now();
        } catch (LabelingException e) {
            Notes.error("The draft was not saved: " + e.getMessage());
        }
    }

    public List<MetadataFlag> getAllFlags() {
        return List.of(MetadataFlag.values());
    }

    public List<Integer> getScoreValues() {
        return List.of(1, 2, 3, 4, 5, 6, 7);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public boolean isHasTask() { return assignmentId != null; }
    public Long getAssignmentId() { return assignmentId; }
    public String getPrompt() { return prompt; }
    public Instant getLeaseExpiresAt() { return leaseExpiresAt; }
    public List<OutputRow> getRows() { return rows; }
    public String getOrder() { return order; }
    public void setOrder(String order) { this.order = order; }
    public String getRefusal() { return refusal; }
    public int getSaved() { return saved; }
    public Instant getDraftSavedAt() { return draftSavedAt; }
    public int getPairCount() { return rows.size() * (rows.size() - 1) / 2; }
}
