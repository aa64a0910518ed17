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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A labeler's ideal response to a prompt. SUBMITTED, then ACCEPTED by an admin (SFT data from then on) or SENT_BACK
 * with a note; a sent-back demonstration revised by its author is SUBMITTED again. An accepted one no longer changes.
 */
@Entity
@Table(name = "labeling_demonstration")
public class Demonstration {

    /** Where a demonstration stands in review. */
    public enum State { SUBMITTED, ACCEPTED, SENT_BACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "prompt_id")
    private LabelingPrompt prompt;

    @Column(name = "author", nullable = false)
    private String author;

    @Column(name = "text", nullable = false)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "review_note")
    private String reviewNote;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Demonstration() {
    }

    Demonstration(LabelingPrompt prompt, String author, String text, Instant now) {
        this.prompt = prompt;
        this.author = author;
        this.text = text;
        this.state = State.SUBMITTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void revise(String text, Instant now) {
        this.text = text;
        this.state = State.SUBMITTED;
        this.updatedAt = now;
    }

    void review(boolean accept, String note, String admin, Instant now) {
        this.state = accept ? State.ACCEPTED : State.SENT_BACK;
        this.reviewNote = note;
        this.reviewedBy = admin;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public LabelingPrompt getPrompt() { return prompt; }
    public String getAuthor() { return author; }
    public String getText() { return text; }
    public State getState() { return state; }
    public String getReviewNote() { return reviewNote; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
