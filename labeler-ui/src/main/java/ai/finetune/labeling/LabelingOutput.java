package ai.finetune.labeling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One model output of an item. The text is untrusted model output: pages show it escaped, never as markup. */
@Entity
@Table(name = "labeling_output")
public class LabelingOutput {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "item_id")
    private LabelingItem item;

    @Column(name = "position", nullable = false)
    private int position;

    /** Kept for win rates and exports; never shown to labelers (A/B is blind). */
    @Column(name = "model_name", nullable = false)
    private String modelName;

    @Column(name = "text", nullable = false)
    private String text;

    protected LabelingOutput() {
    }

    LabelingOutput(LabelingItem item, int position, String modelName, String text) {
        this.item = item;
        this.position = position;
        this.modelName = modelName;
        this.text = text;
    }

    public Long getId() { return id; }
    public LabelingItem getItem() { return item; }
    public int getPosition() { return position; }
    public String getModelName() { return modelName; }
    public String getText() { return text; }
}
