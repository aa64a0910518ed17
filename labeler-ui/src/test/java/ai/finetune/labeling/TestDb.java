package ai.finetune.labeling;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import ai.finetune.labeling.screening.Screening;
import ai.finetune.labeling.screening.ScreeningAccess;
import ai.finetune.labeling.prompts.Demonstrations;
import ai.finetune.labeling.prompts.Prompts;
import ai.finetune.labeling.prompts.PromptsAccess;
import org.flywaydb.core.Flyway;

/**
 * The labeling services on EclipseLink over a fresh in-memory H2 database in LEGACY mode (as the portal runs it),
 * migrated by Flyway from sql/. {@link #tx} runs one unit of work in its own transaction, as a request would.
 */
final class TestDb implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The services of one transaction. */
    record Services(LabelingQueue queue, LabelingItems items, LabelerProfiles profiles, Screening screening, Prompts prompts,
                    Demonstrations demonstrations, EntityManager em) {
    }

    final TestClock clock = new TestClock(Instant.parse("2026-01-05T09:00:00Z"));
    final LabelingSettings settings;
    private final EntityManagerFactory emf;

    TestDb(LabelingSettings settings) {
        this.settings = settings;
        // LOCK_TIMEOUT as the portal should run H2 (see labeler-ui/README.md): row locks of the queue are held for
        // milliseconds, but on a loaded machine a queue of waiters can pass H2's 1 s default
        String url = "jdbc:h2:mem:labeling" + COUNTER.incrementAndGet() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("filesystem:" + Path.of("../sql").toAbsolutePath().normalize())
                .load()
                .migrate();
        emf = Persistence.createEntityManagerFactory("labeling-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", ""));
    }

    TestDb() {
        this(LabelingSettings.DEFAULTS);
    }

    <T> T tx(Function<Services, T> work) {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        try {
            LabelingQueue queue = new LabelingQueue();
            queue.em = em;
            queue.clock = clock;
            queue.settings = settings;
            queue.claims = new ItemClaims() {
                // as in the portal (REQUIRES_NEW): every claim commits in its own transaction
                @Override
                public Long claim(long itemId, String labeler) {
                    EntityManager inner = emf.createEntityManager();
                    inner.getTransaction().begin();
                    try {
                        ItemClaims c = new ItemClaims();
                        c.em = inner;
                        c.clock = TestDb.this.clock; // not the inherited field of this anonymous ItemClaims
                        c.settings = TestDb.this.settings;
                        Long id = c.claim(itemId, labeler);
                        inner.getTransaction().commit();
                        return id;
                    } catch (RuntimeException e) {
                        if (inner.getTransaction().isActive()) {
                            inner.getTransaction().rollback();
                        }
                        throw e;
                    } finally {
                        inner.close();
                    }
                }
            };
            LabelingItems items = new LabelingItems();
            items.em = em;
            items.clock = clock;
            items.settings = settings;
            LabelerProfiles profiles = new LabelerProfiles();
            profiles.em = em;
            profiles.clock = clock;
            Screening screening = new Screening();
            ScreeningAccess.wire(screening, em, clock);
            Prompts prompts = PromptsAccess.wire(em, clock, settings);
            T result = work.apply(new Services(queue, items, profiles, screening, prompts,
                    PromptsAccess.demonstrations(em, clock), em));
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    void activate(String... labelers) {
        tx(s -> {
            for (String l : labelers) {
                s.profiles().decide(l, LabelerStatus.ACTIVE, "test", "admin");
            }
            return null;
        });
    }

    @Override
    public void close() {
        emf.close();
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
