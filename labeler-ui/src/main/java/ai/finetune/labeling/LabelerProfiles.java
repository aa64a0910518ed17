package ai.finetune.labeling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Labelers' standing (APPLICANT, ACTIVE, REJECTED) and admins' decisions about it. */
@ApplicationScoped
@Transactional
public class LabelerProfiles {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** The labeler's profile, created as APPLICANT on first use. */
    public LabelerProfile profileOf(String username) {
        LabelerProfile p = em.find(LabelerProfile.class, username);
        if (p == null) {
            p = new LabelerProfile(username, clock.instant());
            em.persist(p);
        }
        return p;
    }

    /** An admin's decision, overriding whatever the screening test said. */
    public LabelerProfile decide(String username, LabelerStatus status, String note, String admin) {
        if (status == null) {
            throw new LabelingException("choose a status: " + List.of(LabelerStatus.values()));
        }
        LabelerProfile p = profileOf(username);
        p.decide(status, note == null || note.isBlank() ? "set by an admin" : note.strip(), admin, clock.instant());
        return p;
    }

    /** The labeler's own assignments, newest first (never anyone else's). */
    public List<Assignment> recentWork(String username) {
        return em.createQuery("SELECT a FROM Assignment a WHERE a.labeler = :l ORDER BY a.id DESC", Assignment.class)
                .setParameter("l", username)
                .setMaxResults(50)
                .getResultList();
    }

    public List<LabelerProfile> all() {
        return em.createQuery("SELECT p FROM LabelerProfile p ORDER BY p.username", LabelerProfile.class).getResultList();
    }
}
