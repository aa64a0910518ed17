package ai.finetune.labeling.web;

import ai.finetune.labeling.Assignment;
import ai.finetune.labeling.ItemKind;
import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.LabelingOutput;
import ai.finetune.labeling.LabelingQueue;
import ai.finetune.labeling.Verdict;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * {@code labeling/compare.xhtml}: a blind A/B judgement. The two responses are shown in the order drawn for this
 * labeler (random), with no model names; the verdict is given about left/right and stored about the stored order.
 */
@Named
@ViewScoped
public class CompareView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LabelingQueue queue;

    @Inject
    SecurityContext security;

    private Long assignmentId;
    private String prompt;
    private String left;
    private String right;
    private Instant leaseExpiresAt;
    private String refusal;

    @PostConstruct
    public void init() {
        assignmentId = null;
        refusal = null;
        try {
            queue.next(caller(), ItemKind.AB).ifPresent(this::show);
        } catch (LabelingException e) {
            refusal = e.getMessage();
        }
    }

    private void show(Assignment a) {
        assignmentId = a.getId();
        prompt = a.getItem().getPrompt();
        leaseExpiresAt = a.getLeaseExpiresAt();
        List<LabelingOutput> shown = LabelingQueue.shownOrder(a);
        left = shown.get(0).getText();
        right = shown.get(1).getText();
    }

    public void leftBetter() { judge(Verdict.FIRST); }
    public void rightBetter() { judge(Verdict.SECOND); }
    public void tie() { judge(Verdict.TIE); }
    public void bothBad() { judge(Verdict.BOTH_BAD); }

    private void judge(Verdict shown) {
        if (assignmentId == null) {
            Notes.error("there is no comparison to judge");
            return;
        }
        try {
            queue.submitVerdict(assignmentId, caller(), shown);
            Notes.info("Saved your judgement.");
            init();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public boolean isHasTask() { return assignmentId != null; }
    public Long getAssignmentId() { return assignmentId; }
    public String getPrompt() { return prompt; }
    public String getLeft() { return left; }
    public String getRight() { return right; }
    public Instant getLeaseExpiresAt() { return leaseExpiresAt; }
    public String getRefusal() { return refusal; }
}
