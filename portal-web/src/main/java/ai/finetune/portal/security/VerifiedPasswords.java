package ai.finetune.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, that a password matched a stored PBKDF2 hash. The API authenticates every request
 * with HTTP Basic, and one PBKDF2 verification (100,000 iterations) costs tens of milliseconds of CPU: under the
 * labeling load (50 labelers on 2 cores) it was most of the server's CPU and queued every other request behind it.
 *
 * <p>What is kept: per stored hash (so a changed password misses at once), an HMAC of the password under a key drawn
 * at start and never stored, and when the entry lapses. Only successful verifications are kept, a wrong password
 * never matches an entry, and the account (enabled, role) is still read from the database on every request.
 */
final class VerifiedPasswords {

    static final long TTL_SECONDS = 300;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] mac, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;

    VerifiedPasswords(Clock clock) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
        this.clock = clock;
    }

    /** True when this password was verified against this stored hash within the last {@link #TTL_SECONDS}. */
    boolean known(String password, String storedHash) {
        Entry e = entries.get(storedHash);
        if (e == null) {
            return false;
        }
        if (!clock.instant().isBefore(e.until())) {
            entries.remove(storedHash, e);
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(password));
    }

    void remember(String password, String storedHash) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(x -> !now.isBefore(x.until()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // only a cost: the next requests verify with PBKDF2 again
            }
        }
        entries.put(storedHash, new Entry(mac(password), clock.instant().plusSeconds(TTL_SECONDS)));
    }

    private byte[] mac(String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
