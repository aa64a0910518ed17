package ai.finetune.labeling;

import jakarta.persistence.EntityManager;

/** The one rule every kind of labeling work shares: only ACTIVE labelers get it. */
public final class ActiveLabelers {

    private ActiveLabelers() {
    }

    public static void require(EntityManager em, String labeler) {
        LabelerProfile p = em.find(LabelerProfile.class, labeler);
        if (p == null || p.getStatus() != LabelerStatus.ACTIVE) {
            throw LabelingException.forbidden("only active labelers get work; '" + labeler + "' is "
                    + (p == null ? "not yet registered: take the screening test first" : p.getStatus()));
        }
    }
}
