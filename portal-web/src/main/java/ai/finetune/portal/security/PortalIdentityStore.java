package ai.finetune.portal.security;

import ai.finetune.portal.users.UserRepository;
import ai.finetune.portal.users.UserRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** The database identity store: portal_user rows with PBKDF2 hashes; a disabled account never validates. */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String name = UserRules.normalizeUsername(credential.getCaller());
        String password = credential.getPasswordAsString();
        var found = name == null || name.isEmpty() ? java.util.Optional.<UserRepository.Credentials>empty() : users.findCredentials(name);
        if (found.isEmpty()) {
            hasher.verifyDecoy(password == null ? "" : password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        var c = found.get();
        if (password == null || !hasher.verify(password, c.passwordHash()) || !c.account().enabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(c.account().username(), Set.of(c.account().role().name()));
    }
}
