package ai.finetune.labeling.prompts;

import ai.finetune.labeling.LabelingSettings;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** Wires {@link Prompts}' package-private fields for the service tests (what CDI does in the portal). */
public final class PromptsAccess {

    private PromptsAccess() {
    }

    public static Demonstrations demonstrations(EntityManager em, Clock clock) {
        Demonstrations d = new Demonstrations();
        d.em = em;
        d.clock = clock;
        return d;
    }

    public static UseCases useCases(EntityManager em, Clock clock) {
        UseCases u = new UseCases();
        u.em = em;
        u.clock = clock;
        return u;
    }

    public static Prompts wire(EntityManager em, Clock clock, LabelingSettings settings) {
        Prompts p = new Prompts();
        p.em = em;
        p.clock = clock;
        p.settings = settings;
        p.useCases = useCases(em, clock);
        return p;
    }
}
