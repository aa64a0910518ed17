package ai.finetune.labeling.web;

import ai.finetune.labeling.LabelerProfile;
import ai.finetune.labeling.LabelerProfiles;
import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.screening.GoldItem;
import ai.finetune.labeling.screening.GoldKind;
import ai.finetune.labeling.screening.Screening;
import ai.finetune.labeling.screening.ScreeningAnswers;
import ai.finetune.labeling.screening.ScreeningAttempt;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code labeling/screening.xhtml}: an applicant takes the screening test once and sees the result; others see
 * their result or status.
 */
@Named
@ViewScoped
public class ScreeningTestView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Screening screening;

    @Inject
    LabelerProfiles profiles;

    @Inject
    SecurityContext security;

    private List<ScreeningQuestion> questions = new ArrayList<>();
    private ScreeningAttempt attempt;
    private LabelerProfile profile;

    @PostConstruct
    public void init() {
        String me = caller();
        profile = profiles.profileOf(me);
        attempt = screening.attemptOf(me).orElse(null);
        questions = new ArrayList<>();
        if (attempt == null && profile.getStatus() == ai.finetune.labeling.LabelerStatus.APPLICANT) {
            int n = 0;
            for (GoldItem g : screening.test()) {
                questions.add(new ScreeningQuestion(g.getId(), ++n, g.getKind(), g.getPrompt(), g.getOutputs()));
            }
        }
    }

    public void submit() {
        Map<Long, Boolean> sensitive = new HashMap<>();
        Map<Long, Map<Long, Integer>> ranks = new HashMap<>();
        String demo = null;
        for (ScreeningQuestion q : questions) {
            switch (q.getKind()) {
                case FLAGGING -> {
                    if (q.getSensitive() != null) {
                        sensitive.put(q.getGoldId(), q.getSensitive());
                    }
                }
                case RANKING -> {
                    Map<Long, Integer> r = new HashMap<>();
                    q.getOutputs().forEach(o -> {
                        if (o.getRank() != null) {
                            r.put(o.getNumber(), o.getRank());
                        }
                    });
                    ranks.put(q.getGoldId(), r);
                }
                case DEMONSTRATION -> demo = q.getDemonstration();
            }
        }
        try {
            attempt = screening.submit(caller(), new ScreeningAnswers(sensitive, ranks, demo));
            profile = profiles.profileOf(caller());
            questions = new ArrayList<>();
            Notes.info("Your screening test is submitted.");
        } catch (LabelingException e) {
            Notes.error(e.getMessage());
        }
    }

    public String percent(ai.finetune.labeling.Agreement.Tally t) {
        return t.total() == 0 ? "n/a" : String.format("%.0f%% (%d of %d)", t.rate() * 100, t.agreed(), t.total());
    }

    public boolean isFlagging(ScreeningQuestion q) { return q.getKind() == GoldKind.FLAGGING; }
    public boolean isRanking(ScreeningQuestion q) { return q.getKind() == GoldKind.RANKING; }
    public boolean isDemonstration(ScreeningQuestion q) { return q.getKind() == GoldKind.DEMONSTRATION; }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<ScreeningQuestion> getQuestions() { return questions; }
    public ScreeningAttempt getAttempt() { return attempt; }
    public LabelerProfile getProfile() { return profile; }
}
