package ai.finetune.labeling.screening;

import jakarta.persistence.EntityManager;
import java.time.Clock;

/** Wires {@link Screening}'s package-private fields for the service tests (what CDI does in the portal). */
public final class ScreeningAccess {

    private ScreeningAccess() {
    }

    public static void wire(Screening screening, EntityManager em, Clock clock) {
        screening.em = em;
        screening.clock = clock;
        screening.rules = ScreeningRules.DEFAULTS;
    }
}
