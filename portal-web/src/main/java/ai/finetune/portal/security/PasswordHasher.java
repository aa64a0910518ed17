package ai.finetune.portal.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2 password hashes through Jakarta Security's {@link Pbkdf2PasswordHash}. The stored form
 * (algorithm:iterations:salt:hash) carries its parameters, so raising them later keeps old hashes valid.
 */
@ApplicationScoped
public class PasswordHasher {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "100000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private final VerifiedPasswords verified = new VerifiedPasswords(java.time.Clock.systemUTC());

    /** A hash of a random password, verified against when a user does not exist, so both cases cost the same. */
    private String decoy;

    @PostConstruct
    void init() {
        pbkdf2.initialize(PARAMETERS);
        decoy = pbkdf2.generate(RandomPasswords.generate().toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Verified with PBKDF2, or from {@link VerifiedPasswords} when this password matched this hash moments ago. */
    public boolean verify(String password, String storedHash) {
        if (verified.known(password, storedHash)) {
            return true;
        }
        boolean ok = pbkdf2.verify(password.toCharArray(), storedHash);
        if (ok) {
            verified.remember(password, storedHash);
        }
        return ok;
    }

    /** Spends the time of one verification; used for unknown users. */
    public void verifyDecoy(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
    }
}
