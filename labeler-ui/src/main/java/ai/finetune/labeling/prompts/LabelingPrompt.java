package ai.finetune.labeling.prompts;

import ai.finetune.labeling.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A prompt a labeler wrote. It is kept even when it duplicates an earlier one (duplicateOf says which), so the
 * author sees why it will not be used; its split follows its author.
 */
@Entity
@Table(name = "labeling_prompt")
public class LabelingPrompt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "author", nullable = false)
    private String author;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private PromptKind kind;

    @Column(name = "category", nullable = false)
    @Enumerated(EnumType.STRING)
    private PromptCategory category;

    @Column(name = "use_case")
    private String useCase;

    @Column(name = "text", nullable = false)
    private String text;

    @Column(name = "prefix_key", nullable = false)
    private String prefixKey;

    @Column(name = "duplicate_of")
    private Long duplicateOf;

    @Enumerated(EnumType.STRING)
    @Column(name = "split", nullable = false)
    private Split split;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LabelingPrompt() {
    }

    LabelingPrompt(String author, PromptKind kind, PromptCategory category, String useCase, String text, Long duplicateOf,
                   Instant now) {
        this.author = author;
        this.kind = kind;
        this.category = category;
        this.useCase = useCase;
        this.text = text;
        this.prefixKey = PromptRules.prefixKey(text);
        this.duplicateOf = duplicateOf;
        this.split = Split.forAuthor(author);
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public String getAuthor() { return author; }
    public PromptKind getKind() { return kind; }
    public PromptCategory getCategory() { return category; }
    public String getUseCase() { return useCase; }
    public String getText() { return text; }
    public Long getDuplicateOf() { return duplicateOf; }
    public boolean isDuplicate() { return duplicateOf != null; }
    public Split getSplit() { return split; }
    public Instant getCreatedAt() { return createdAt; }
}
