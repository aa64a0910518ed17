package ai.finetune.labeling.screening;

import ai.finetune.labeling.Agreement;
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
 * A labeler's one screening attempt. Scored automatically on submission (flagging and ranking agreement); PENDING
 * until an admin scores the demonstration, then PASSED or FAILED. The outcome sets the labeler's status; an admin
 * may still override the status afterwards.
 */
@Entity
@Table(name = "screening_attempt")
public class ScreeningAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false)
    private String username;

    @Convert(converter = InstantConverter.class)
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "flag_agreed", nullable = false)
    private int flagAgreed;

    @Column(name = "flag_total", nullable = false)
    private int flagTotal;

    @Column(name = "rank_agreed", nullable = false)
    private int rankAgreed;

    @Column(name = "rank_total", nullable = false)
    private int rankTotal;

    @ManyToOne
    @JoinColumn(name = "demo_gold_id")
    private GoldItem demoItem;

    @Column(name = "demo_text")
    private String demoText;

    @Column(name = "demo_score")
    private Integer demoScore;

    @Column(name = "scored_by")
    private String scoredBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false)
    private ScreeningOutcome outcome;

    @Column(name = "answers", nullable = false)
    private String answers;

    protected ScreeningAttempt() {
    }

    ScreeningAttempt(String username, Instant now, Agreement.Tally flagging, Agreement.Tally ranking, GoldItem demoItem,
                     String demoText, String answers, ScreeningOutcome outcome) {
        this.username = username;
        this.submittedAt = now;
        this.flagAgreed = (int) flagging.agreed();
        this.flagTotal = (int) flagging.total();
        this.rankAgreed = (int) ranking.agreed();
        this.rankTotal = (int) ranking.total();
        this.demoItem = demoItem;
        this.demoText = demoText;
        this.answers = answers;
        this.outcome = outcome;
    }

    void score(int score, String admin, ScreeningOutcome outcome) {
        this.demoScore = score;
        this.scoredBy = admin;
        this.outcome = outcome;
    }

    public Agreement.Tally flagging() { return new Agreement.Tally(flagAgreed, flagTotal); }
    public Agreement.Tally ranking() { return new Agreement.Tally(rankAgreed, rankTotal); }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Agreement.Tally getFlagging() { return flagging(); }
    public Agreement.Tally getRanking() { return ranking(); }
    public GoldItem getDemoItem() { return demoItem; }
    public String getDemoText() { return demoText; }
    public Integer getDemoScore() { return demoScore; }
    public String getScoredBy() { return scoredBy; }
    public ScreeningOutcome getOutcome() { return outcome; }
    public String getAnswers() { return answers; }
}
