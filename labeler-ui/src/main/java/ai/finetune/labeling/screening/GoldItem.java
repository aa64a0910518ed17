package ai.finetune.labeling.screening;

import ai.finetune.labeling.InstantConverter;
import ai.finetune.labeling.RankOrder;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gold item of the screening test, curated by an admin (see {@link GoldKind}). Its answer is fixed when it is
 * created; an admin retires an item rather than editing it, so past attempts keep their meaning.
 */
@Entity
@Table(name = "screening_gold")
public class GoldItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private GoldKind kind;

    @Column(name = "prompt", nullable = false)
    private String prompt;

    @Column(name = "gold_sensitive")
    private Boolean goldSensitive;

    /** Over output numbers 1..K, e.g. {@code 2>1=3>4}. */
    @Column(name = "gold_order")
    private String goldOrder;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "screening_gold_output", joinColumns = @JoinColumn(name = "gold_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    private List<String> outputs = new ArrayList<>();

    protected GoldItem() {
    }

    GoldItem(GoldKind kind, String prompt, List<String> outputs, Boolean goldSensitive, String goldOrder, String by, Instant now) {
        this.kind = kind;
        this.prompt = prompt;
        this.outputs = new ArrayList<>(outputs);
        this.goldSensitive = goldSensitive;
        this.goldOrder = goldOrder;
        this.createdBy = by;
        this.createdAt = now;
    }

    void retire() {
        active = false;
    }

    /** Gold ranks keyed by output number (1..K). */
    public Map<Long, Integer> goldRanks() {
        return goldOrder == null ? new HashMap<>() : RankOrder.parse(goldOrder).ranks();
    }

    public Long getId() { return id; }
    public GoldKind getKind() { return kind; }
    public String getPrompt() { return prompt; }
    public Boolean getGoldSensitive() { return goldSensitive; }
    public String getGoldOrder() { return goldOrder; }
    public boolean isActive() { return active; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public List<String> getOutputs() { return outputs; }
}
