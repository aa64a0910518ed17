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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One labeler's work on one item. It is LEASED when the queue hands the item out and holds one of the item's
 * slots until the lease ends; it becomes SUBMITTED with a ranking or a verdict, or EXPIRED when the lease ran out
 * and the slot went to someone else. There is one per (item, labeler), so nobody judges an item twice; if the same
 * labeler draws the item again the row is leased again and its draft (partial work) comes back with it.
 */
@Entity
@Table(name = "labeling_assignment")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "item_id")
    private LabelingItem item;

    @Column(name = "labeler", nullable = false)
    private String labeler;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private AssignmentState state;

    @Convert(converter = InstantConverter.class)
    @Column(name = "leased_at", nullable = false)
    private Instant leasedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "lease_expires_at", nullable = false)
    private Instant leaseExpiresAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "submitted_at")
    private Instant submittedAt;

    /** A/B only: true when the second stored output was shown on the left (the order is random per labeler). */
    @Column(name = "shown_swapped", nullable = false)
    private boolean shownSwapped;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict")
    private Verdict verdict;

    @Column(name = "draft")
    private String draft;

    @OneToMany(mappedBy = "assignment", cascade = CascadeType.PERSIST)
    private List<RankingEntry> entries = new ArrayList<>();

    protected Assignment() {
    }

    Assignment(LabelingItem item, String labeler, boolean shownSwapped, Instant now, Instant leaseEnd) {
        this.item = item;
        this.labeler = labeler;
        this.shownSwapped = shownSwapped;
        lease(now, leaseEnd);
    }

    final void lease(Instant now, Instant leaseEnd) {
        this.state = AssignmentState.LEASED;
        this.leasedAt = now;
        this.leaseExpiresAt = leaseEnd;
    }

    void expire() {
        this.state = AssignmentState.EXPIRED;
    }

    void submitVerdict(Verdict verdict, Instant now) {
        this.verdict = verdict;
        markSubmitted(now);
    }

    void submitRanking(List<RankingEntry> newEntries, Instant now) {
        entries.addAll(newEntries);
        markSubmitted(now);
    }

    private void markSubmitted(Instant now) {
        this.state = AssignmentState.SUBMITTED;
        this.submittedAt = now;
        this.draft = null;
    }

    void saveDraft(String draft) {
        this.draft = draft;
    }

    public boolean isLeaseLive(Instant now) {
        return state == AssignmentState.LEASED && leaseExpiresAt.isAfter(now);
    }

    public Long getId() { return id; }
    public LabelingItem getItem() { return item; }
    public String getLabeler() { return labeler; }
    public AssignmentState getState() { return state; }
    public Instant getLeasedAt() { return leasedAt; }
    public Instant getLeaseExpiresAt() { return leaseExpiresAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public boolean isShownSwapped() { return shownSwapped; }
    public Verdict getVerdict() { return verdict; }
    public String getDraft() { return draft; }
    public List<RankingEntry> getEntries() { return entries; }
}
