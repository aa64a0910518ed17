package ai.finetune.portal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };

    @Test
    void onlyTheSamePasswordForTheSameHashWithinTheTtlIsKnown() {
        VerifiedPasswords v = new VerifiedPasswords(clock);
        assertFalse(v.known("secret-1", "hash-a"));
        v.remember("secret-1", "hash-a");
        assertTrue(v.known("secret-1", "hash-a"));
        assertFalse(v.known("secret-2", "hash-a"), "a wrong password never matches");
        assertFalse(v.known("secret-1", "hash-b"), "a changed password (new stored hash) misses");
        now.set(now.get().plusSeconds(VerifiedPasswords.TTL_SECONDS - 1));
        assertTrue(v.known("secret-1", "hash-a"));
        now.set(now.get().plusSeconds(1));
        assertFalse(v.known("secret-1", "hash-a"), "lapsed after the TTL");
    }
}
