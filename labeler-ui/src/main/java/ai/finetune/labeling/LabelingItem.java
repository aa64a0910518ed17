package ai.finetune.labeling;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit of work in the queue: a prompt with K outputs to rank (RANKING, K = 4..9) or two to compare blind (AB).
 * It goes to {@code slots} labelers: 1, or 3 when chosen for overlap. Its outputs never change once created.
 */
@Entity
@Table(name = "labeling_item")
public class LabelingItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private ItemKind kind;

    @Column(name = "prompt", nullable = false)
    private String prompt;

    @Column(name = "slots", nullable = false)
    private int slots;

    @Column(name = "overlap", nullable = false)
    private boolean overlap;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @OneToMany(mappedBy = "item", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<LabelingOutput> outputs = new ArrayList<>();

    protected LabelingItem() {
    }

    public LabelingItem(ItemKind kind, String prompt, boolean overlap, int slots, String createdBy, Instant now) {
        this.kind = kind;
        this.prompt = prompt;
        this.overlap = overlap;
        this.slots = slots;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void addOutput(String modelName, String text) {
        outputs.add(new LabelingOutput(this, outputs.size(), modelName, text));
    }

    public List<Long> outputIds() {
        return outputs.stream().map(LabelingOutput::getId).toList();
    }

    public Long getId() { return id; }
    public ItemKind getKind() { return kind; }
    public String getPrompt() { return prompt; }
    public int getSlots() { return slots; }
    public boolean isOverlap() { return overlap; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public List<LabelingOutput> getOutputs() { return outputs; }
}
