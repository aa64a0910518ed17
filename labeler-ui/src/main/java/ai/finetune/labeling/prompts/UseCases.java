package ai.finetune.labeling.prompts;

import ai.finetune.labeling.LabelingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The use cases that user-based prompts are written for, maintained by admins ({@code labeling_use_case}, V40).
 * Labelers choose an active one; a retired one stays for the prompts that name it. Plain SQL rather than an
 * entity: the row is three fields, and the portal's persistence unit lists its classes in portal-web.
 */
@ApplicationScoped
@Transactional
public class UseCases {

    /** One use case as listed to admins and labelers. */
    public record UseCase(long id, String name, String description, boolean active) implements Serializable {
        public long getId() { return id; }
        public String getName() { return name; }
        public String getDescription() { return description; }
        public boolean isActive() { return active; }
    }

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Every use case, active first, then by name. */
    public List<UseCase> all() {
        return list("SELECT id, name, description, active FROM labeling_use_case ORDER BY active DESC, name");
    }

    /** The ones labelers may choose, by name. */
    public List<UseCase> active() {
        return list("SELECT id, name, description, active FROM labeling_use_case WHERE active = TRUE ORDER BY name");
    }

    public Optional<UseCase> activeByName(String name) {
        return active().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public UseCase add(String name, String description, String admin) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new LabelingException("a use case needs a name of 1 to 200 characters");
        }
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > 2000) {
            throw new LabelingException("the description is " + d.length() + " characters; at most 2000");
        }
        Number existing = (Number) em.createNativeQuery("SELECT COUNT(*) FROM labeling_use_case WHERE LOWER(name) = ?")
                .setParameter(1, n.toLowerCase(java.util.Locale.ROOT)).getSingleResult();
        if (existing.longValue() > 0) {
            throw new LabelingException("there is already a use case named '" + n + "' (re-enable it instead)");
        }
        em.createNativeQuery("INSERT INTO labeling_use_case (name, description, active, created_by, created_at) VALUES (?, ?, TRUE, ?, ?)")
                .setParameter(1, n).setParameter(2, d).setParameter(3, admin)
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
        return all().stream().filter(u -> u.name().equals(n)).findFirst().orElseThrow();
    }

    /** Retires (no longer offered) or re-enables a use case. */
    public void setActive(long id, boolean active) {
        int n = em.createNativeQuery("UPDATE labeling_use_case SET active = ? WHERE id = ?")
                .setParameter(1, active).setParameter(2, id).executeUpdate();
        if (n == 0) {
            throw new LabelingException("there is no use case " + id);
        }
    }

    @SuppressWarnings("unchecked")
    private List<UseCase> list(String sql) {
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        return rows.stream().map(r -> new UseCase(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                Boolean.TRUE.equals(r[3]) || (r[3] instanceof Number x && x.intValue() != 0))).toList();
    }
}
