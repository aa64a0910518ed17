package ai.finetune.labeling.web;

import ai.finetune.labeling.ItemKind;
import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.LabelingItem;
import ai.finetune.labeling.LabelingItems;
import ai.finetune.labeling.LabelingStats;
import ai.finetune.labeling.ModelOutput;
import ai.finetune.labeling.OutputBlocks;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;

/**
 * {@code admin/labeling/items.xhtml}: puts ranking or A/B items into the queue by hand (the comparison-sampling
 * job does it in bulk) and shows agreement and throughput.
 */
@Named
@ViewScoped
public class ItemsAdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LabelingItems items;

    @Inject
    LabelingStats stats;

    @Inject
    ai.finetune.labeling.SubmissionReview review;

    @Inject
    SecurityContext security;

    private List<ai.finetune.labeling.SubmissionReview.Row> latest;

    private ItemKind kind = ItemKind.RANKING;
    private String prompt;
    private String outputs;
    private LabelingStats.Summary summary;

    @PostConstruct
    public void init() {
        requireAdmin();
        summary = stats.summary();
        latest = review.latest(20);
    }

    public void create() {
        requireAdmin();
        try {
            List<ModelOutput> parsed = OutputBlocks.parse(outputs);
            String by = security.getCallerPrincipal().getName();
            LabelingItem item = kind == ItemKind.AB
                    ? (parsed.size() == 2 ? items.createComparison(prompt, parsed.get(0), parsed.get(1), by)
                            : failAb(parsed.size()))
                    : items.createRanking(prompt, parsed, by);
            Notes.info("Item " + item.getId() + " queued with " + item.getOutputs().size() + " outputs"
                    + (item.isOverlap() ? " (an overlap item: " + item.getSlots() + " labelers)." : "."));
            prompt = null;
            outputs = null;
            summary = stats.summary();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    private static LabelingItem failAb(int n) {
        throw new LabelingException("an A/B comparison needs exactly 2 outputs, got " + n);
    }

    private void requireAdmin() {
        if (!security.isCallerInRole("ADMIN")) {
            throw new SecurityException("only admins manage labeling items");
        }
    }

    public String percent(double rate) {
        return Double.isNaN(rate) ? "–" : String.format("%.1f%%", rate * 100);
    }

    public String number(double v) {
        return Double.isNaN(v) ? "–" : String.format("%.1f", v);
    }

    public List<ItemKind> getKinds() { return List.of(ItemKind.values()); }
    public ItemKind getKind() { return kind; }
    public void setKind(ItemKind kind) { this.kind = kind; }
    public String getPrompt() { return prompt; }
    public void setPrompt(String prompt) { this.prompt = prompt; }
    public String getOutputs() { return outputs; }
    public void setOutputs(String outputs) { this.outputs = outputs; }
    public LabelingStats.Summary getSummary() { return summary; }
    public List<ai.finetune.labeling.SubmissionReview.Row> getLatest() { return latest; }
}
