package ai.finetune.portal.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The portal_user table through JPA (entity {@link PortalUser}); callers get {@link UserAccount} values. */
@ApplicationScoped
@Transactional
public class UserRepository {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    /** Stored hash and account state, for the identity store only. */
    public record Credentials(UserAccount account, String passwordHash) {
    }

    public long count() {
        return em.createQuery("select count(u) from PortalUser u", Long.class).getSingleResult();
    }

    public long countEnabledAdmins() {
        return em.createQuery("select count(u) from PortalUser u where u.role = :r and u.enabled = true", Long.class)
                .setParameter("r", Role.ADMIN).getSingleResult();
    }

    public List<UserAccount> findAll() {
        return em.createQuery("select u from PortalUser u order by u.username", PortalUser.class).getResultList()
                .stream().map(PortalUser::account).toList();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return entity(username).map(PortalUser::account);
    }

    public Optional<Credentials> findCredentials(String username) {
        return entity(username).map(u -> new Credentials(u.account(), u.passwordHash()));
    }

    /** @return false when the name is taken. */
    public boolean insert(String username, String passwordHash, Role role, String createdBy) {
        // checked first: a failed flush would mark the whole transaction rollback-only
        if (entity(username).isPresent()) {
            return false;
        }
        em.persist(new PortalUser(username, passwordHash, role, createdBy));
        em.flush();
        return true;
    }

    public boolean updatePassword(String username, String passwordHash) {
        Optional<PortalUser> u = entity(username);
        u.ifPresent(x -> x.setPasswordHash(passwordHash));
        return u.isPresent();
    }

    public boolean updateEnabled(String username, boolean enabled) {
        Optional<PortalUser> u = entity(username);
        u.ifPresent(x -> x.setEnabled(enabled));
        return u.isPresent();
    }

    public void recordLogin(String username) {
        entity(username).ifPresent(PortalUser::recordLogin);
    }

    private Optional<PortalUser> entity(String username) {
        return em.createQuery("select u from PortalUser u where u.username = :n", PortalUser.class)
                .setParameter("n", username).getResultStream().findFirst();
    }
}
