package ai.finetune.labeling.web;

import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.prompts.LabelingPrompt;
import ai.finetune.labeling.prompts.PromptCategory;
import ai.finetune.labeling.prompts.PromptKind;
import ai.finetune.labeling.prompts.Prompts;
import ai.finetune.labeling.prompts.UseCases;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code labeling/prompts.xhtml}: a labeler writes prompts and sees their own; everyone there sees the category
 * distribution (a table and a bar chart, next to InstructGPT's shares).
 */
@Named
@ViewScoped
public class PromptsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One category's row of the distribution. */
    public record CategoryShare(PromptCategory category, long count, double percent) implements Serializable {
        public String getLabel() { return category.getLabel(); }
        public long getCount() { return count; }
        public String getPercent() { return String.format("%.1f", percent); }
        public String getReference() { return String.format("%.1f", category.getInstructGptPercent()); }
        /** The bar's width, at most 100%. */
        public String getBarWidth() { return String.format("%.1f%%", Math.min(100, percent)); }
    }

    @Inject
    Prompts prompts;

    @Inject
    UseCases useCases;

    @Inject
    SecurityContext security;

    private List<UseCases.UseCase> activeUseCases;

    private PromptKind kind = PromptKind.PLAIN;
    private PromptCategory category;
    private String useCase;
    private String text;
    private List<LabelingPrompt> mine;
    private List<CategoryShare> distribution;

    @PostConstruct
    public void init() {
        reload();
    }

    private void reload() {
        mine = prompts.byAuthor(caller());
        activeUseCases = useCases.active();
        Map<PromptCategory, Long> counts = prompts.categoryCounts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        distribution = new ArrayList<>();
        counts.forEach((c, n) -> distribution.add(new CategoryShare(c, n, total == 0 ? 0 : 100.0 * n / total)));
    }

    public void write() {
        try {
            LabelingPrompt p = prompts.write(caller(), kind, category, useCase, text);
            if (p.isDuplicate()) {
                Notes.error("Saved, but flagged as a duplicate of prompt " + p.getDuplicateOf()
                        + " (same first 40 characters): it will not be used.");
            } else {
                Notes.info("Prompt " + p.getId() + " saved (" + p.getSplit().name().toLowerCase() + " split).");
            }
            text = null;
            useCase = null;
            reload();
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<PromptKind> getKinds() { return List.of(PromptKind.values()); }
    public List<PromptCategory> getCategories() { return List.of(PromptCategory.values()); }
    public PromptKind getKind() { return kind; }
    public void setKind(PromptKind kind) { this.kind = kind; }
    public PromptCategory getCategory() { return category; }
    public void setCategory(PromptCategory category) { this.category = category; }
    public List<UseCases.UseCase> getUseCases() { return activeUseCases; }
    public String getUseCase() { return useCase; }
    public void setUseCase(String useCase) { this.useCase = useCase; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public List<LabelingPrompt> getMine() { return mine; }
    public List<CategoryShare> getDistribution() { return distribution; }
}
