package ai.finetune.portal.users;

import ai.finetune.portal.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * User management rules, the same for the admin pages, the REST API and start-up. Callers check the caller's
 * role (ADMIN for everything but {@link #changeOwnPassword}); this class checks the request itself.
 */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    @Inject
    UserRepository repository;

    @Inject
    PasswordHasher hasher;

    public List<UserAccount> list() {
        return repository.findAll();
    }

    public Optional<UserAccount> find(String username) {
        return repository.findByUsername(UserRules.normalizeUsername(username));
    }

    public UserAccount create(String username, String password, String role, String createdBy) {
        String name = UserRules.checkUsername(username);
        Role r = UserRules.checkRole(role);
        UserRules.checkPassword(password);
        if (!repository.insert(name, hasher.hash(password), r, createdBy)) {
            throw new UserException(UserException.Kind.CONFLICT, "a user named '" + name + "' already exists");
        }
        LOG.info(() -> "User '" + name + "' created with role " + r + (createdBy == null ? "" : " by " + createdBy));
        return repository.findByUsername(name).orElseThrow();
    }

    public UserAccount setEnabled(String username, boolean enabled, String actingUser) {
        UserAccount user = existing(username);
        if (!enabled) {
            if (user.username().equals(actingUser)) {
                throw new UserException(UserException.Kind.FORBIDDEN, "you cannot disable your own account");
            }
            if (user.role() == Role.ADMIN && user.enabled() && repository.countEnabledAdmins() <= 1) {
                throw new UserException(UserException.Kind.FORBIDDEN, "'" + user.username() + "' is the last enabled administrator");
            }
        }
        repository.updateEnabled(user.username(), enabled);
        LOG.info(() -> "User '" + user.username() + "' " + (enabled ? "enabled" : "disabled") + " by " + actingUser);
        return existing(user.username());
    }

    public void resetPassword(String username, String newPassword, String actingUser) {
        UserAccount user = existing(username);
        UserRules.checkPassword(newPassword);
        repository.updatePassword(user.username(), hasher.hash(newPassword));
        LOG.info(() -> "Password of '" + user.username() + "' reset by " + actingUser);
    }

    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        var credentials = repository.findCredentials(UserRules.normalizeUsername(username))
                .orElseThrow(() -> new UserException(UserException.Kind.NOT_FOUND, "no user named '" + username + "'"));
        if (currentPassword == null || !hasher.verify(currentPassword, credentials.passwordHash())) {
            throw new UserException(UserException.Kind.INVALID, "the current password is wrong");
        }
        UserRules.checkPassword(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new UserException(UserException.Kind.INVALID, "the new password must differ from the current one");
        }
        repository.updatePassword(credentials.account().username(), hasher.hash(newPassword));
        LOG.info(() -> "User '" + credentials.account().username() + "' changed their password");
    }

    private UserAccount existing(String username) {
        return find(username).orElseThrow(() -> new UserException(UserException.Kind.NOT_FOUND, "no user named '" + username + "'"));
    }
}
