package ai.finetune.labeling;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A labeler's standing. Created as APPLICANT on the labeler's first visit; the screening test or an admin makes it
 * ACTIVE or REJECTED, and an admin may change it again at any time (decidedBy names who did last).
 */
@Entity
@Table(name = "labeler_profile")
public class LabelerProfile {

    @Id
    @Column(name = "username")
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private LabelerStatus status;

    @Column(name = "status_note")
    private String statusNote;

    @Column(name = "decided_by")
    private String decidedBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LabelerProfile() {
    }

    public LabelerProfile(String username, Instant now) {
        this.username = username;
        this.status = LabelerStatus.APPLICANT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void decide(LabelerStatus status, String note, String by, Instant now) {
        this.status = status;
        this.statusNote = note;
        this.decidedBy = by;
        this.updatedAt = now;
    }

    public String getUsername() { return username; }
    public LabelerStatus getStatus() { return status; }
    public String getStatusNote() { return statusNote; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
