package ai.finetune.labeling.screening;

import ai.finetune.labeling.Agreement;
import ai.finetune.labeling.LabelerProfile;
import ai.finetune.labeling.LabelerStatus;
import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.RankOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Onboarding: guidelines that admins edit, the gold items of the screening test, and the test itself. An
 * APPLICANT takes the test once; it is scored against the gold answers at once and the outcome
 * ({@link ScreeningRules}) sets the labeler's status: ACTIVE when passed, REJECTED when failed, still APPLICANT
 * while the demonstration waits for an admin's 1-7 score. Admins may override the status afterwards.
 */
@ApplicationScoped
@Transactional
public class Screening {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    ScreeningRules rules = ScreeningRules.fromSystemProperties();

    public Optional<Guideline> guidelines() {
        return em.createQuery("SELECT g FROM Guideline g ORDER BY g.id DESC", Guideline.class)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    public Guideline saveGuidelines(String body, String admin) {
        if (body == null || body.isBlank()) {
            throw new LabelingException("the guidelines are empty");
        }
        Guideline g = new Guideline(body.strip(), admin, clock.instant());
        em.persist(g);
        return g;
    }

    /**
     * Adds a gold item. FLAGGING needs {@code sensitive}; RANKING needs 2..9 outputs and {@code goldOrder} over
     * their numbers (e.g. {@code 2>1=3>4}); DEMONSTRATION needs only the prompt.
     */
    public GoldItem addGold(GoldKind kind, String prompt, List<String> outputs, Boolean sensitive, String goldOrder, String admin) {
        if (kind == null) {
            throw new LabelingException("choose the kind of gold item: FLAGGING, RANKING or DEMONSTRATION");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new LabelingException("the gold item's prompt (or text to flag) is empty");
        }
        List<String> outs = outputs == null ? List.of() : outputs;
        switch (kind) {
            case FLAGGING -> {
                if (sensitive == null) {
                    throw new LabelingException("a flagging item needs its gold answer: sensitive or not");
                }
                outs = List.of();
                goldOrder = null;
            }
            case RANKING -> {
                if (outs.size() < 2 || outs.size() > 9) {
                    throw new LabelingException("a gold ranking needs 2 to 9 outputs, got " + outs.size());
                }
                RankOrder.parse(goldOrder).requireCovers(LongStream.rangeClosed(1, outs.size()).boxed().toList());
                sensitive = null;
            }
            case DEMONSTRATION -> {
                outs = List.of();
                sensitive = null;
                goldOrder = null;
            }
        }
        GoldItem g = new GoldItem(kind, prompt.strip(), outs, sensitive, goldOrder == null ? null : goldOrder.replace(" ", ""),
                admin, clock.instant());
        em.persist(g);
        em.flush();
        return g;
    }

    public void retireGold(long id) {
        GoldItem g = em.find(GoldItem.class, id);
        if (g == null) {
            throw new LabelingException("there is no gold item " + id);
        }
        g.retire();
    }

    /** The test as an applicant takes it: active items, flagging first, then ranking, then one demonstration. */
    public List<GoldItem> test() {
        List<GoldItem> active = em.createQuery("SELECT g FROM GoldItem g WHERE g.active = TRUE ORDER BY g.id", GoldItem.class)
                .getResultList();
        List<GoldItem> test = new java.util.ArrayList<>();
        active.stream().filter(g -> g.getKind() == GoldKind.FLAGGING).forEach(test::add);
        active.stream().filter(g -> g.getKind() == GoldKind.RANKING).forEach(test::add);
        active.stream().filter(g -> g.getKind() == GoldKind.DEMONSTRATION).findFirst().ifPresent(test::add);
        return test;
    }

    public List<GoldItem> allGold() {
        return em.createQuery("SELECT g FROM GoldItem g ORDER BY g.id", GoldItem.class).getResultList();
    }

    public Optional<ScreeningAttempt> attemptOf(String username) {
        return em.createQuery("SELECT a FROM ScreeningAttempt a WHERE a.username = :u", ScreeningAttempt.class)
                .setParameter("u", username).getResultList().stream().findFirst();
    }

    public List<ScreeningAttempt> attempts() {
        return em.createQuery("SELECT a FROM ScreeningAttempt a ORDER BY a.id DESC", ScreeningAttempt.class).getResultList();
    }

    public ScreeningAttempt submit(String username, ScreeningAnswers answers) {
        LabelerProfile profile = profile(username);
        if (profile.getStatus() != LabelerStatus.APPLICANT) {
            throw new LabelingException("you are already " + profile.getStatus() + "; the screening test is for applicants");
        }
        if (attemptOf(username).isPresent()) {
            throw new LabelingException("you have already taken the screening test");
        }
        List<GoldItem> test = test();
        if (test.isEmpty()) {
            throw new LabelingException("the screening test has no gold items yet; an admin adds them");
        }
        Agreement.Tally flagging = Agreement.Tally.NONE;
        Agreement.Tally ranking = Agreement.Tally.NONE;
        GoldItem demo = null;
        StringBuilder record = new StringBuilder();
        int number = 0;
        for (GoldItem g : test) {
            number++;
            switch (g.getKind()) {
                case FLAGGING -> {
                    Boolean said = answers.sensitive().get(g.getId());
                    if (said == null) {
                        throw new LabelingException("question " + number + ": say whether the text is sensitive");
                    }
                    flagging = flagging.plus(new Agreement.Tally(said.equals(g.getGoldSensitive()) ? 1 : 0, 1));
                    record.append("flag ").append(g.getId()).append(said ? " yes" : " no").append('\n');
                }
                case RANKING -> {
                    Map<Long, Integer> given = answers.ranks().getOrDefault(g.getId(), Map.of());
                    int k = g.getOutputs().size();
                    for (long out = 1; out <= k; out++) {
                        Integer r = given.get(out);
                        if (r == null || r < 1 || r > k) {
                            throw new LabelingException("question " + number + ": give output " + out + " a rank from 1 to " + k);
                        }
                    }
                    ranking = ranking.plus(Agreement.compare(
                            Agreement.Judgement.ofRanks(g.getId(), "gold", g.goldRanks()),
                            Agreement.Judgement.ofRanks(g.getId(), username, given)));
                    record.append("rank ").append(g.getId()).append(' ').append(RankOrder.fromRanks(given)).append('\n');
                }
                case DEMONSTRATION -> {
                    String text = answers.demonstration();
                    if (text == null || text.isBlank()) {
                        throw new LabelingException("question " + number + ": write your response to the prompt");
                    }
                    if (text.length() > 20000) {
                        throw new LabelingException("question " + number + ": the response is " + text.length()
                                + " characters; at most 20000");
                    }
                    demo = g;
                }
            }
        }
        ScreeningOutcome outcome = rules.decide(flagging, ranking, demo != null, null);
        ScreeningAttempt attempt = new ScreeningAttempt(username, clock.instant(), flagging, ranking, demo,
                demo == null ? null : answers.demonstration().strip(), record.toString(), outcome);
        em.persist(attempt);
        apply(profile, attempt, "screening test");
        em.flush();
        return attempt;
    }

    /** An admin's 1-7 score of the demonstration; decides a PENDING attempt. */
    public ScreeningAttempt scoreDemonstration(long attemptId, int score, String admin) {
        ScreeningAttempt a = em.find(ScreeningAttempt.class, attemptId);
        if (a == null) {
            throw new LabelingException("there is no screening attempt " + attemptId);
        }
        if (a.getDemoItem() == null) {
            throw new LabelingException("attempt " + attemptId + " has no demonstration to score");
        }
        if (score < 1 || score > 7) {
            throw new LabelingException("a demonstration score is 1 to 7, not " + score);
        }
        if (a.getOutcome() != ScreeningOutcome.PENDING) {
            throw new LabelingException("attempt " + attemptId + " is already decided (" + a.getOutcome()
                    + "); change the labeler's status on the labelers page instead");
        }
        a.score(score, admin, rules.decide(a.flagging(), a.ranking(), true, score));
        apply(profile(a.getUsername()), a, admin);
        return a;
    }

    private void apply(LabelerProfile profile, ScreeningAttempt a, String by) {
        String scores = "screening: flagging " + percent(a.flagging()) + ", ranking " + percent(a.ranking())
                + (a.getDemoScore() == null ? "" : ", demonstration " + a.getDemoScore() + "/7");
        switch (a.getOutcome()) {
            case PASSED -> profile.decide(LabelerStatus.ACTIVE, "passed " + scores, by, clock.instant());
            case FAILED -> profile.decide(LabelerStatus.REJECTED, "failed " + scores, by, clock.instant());
            case PENDING -> profile.decide(LabelerStatus.APPLICANT, scores + "; the demonstration awaits an admin's score",
                    by, clock.instant());
        }
    }

    static String percent(Agreement.Tally t) {
        return t.total() == 0 ? "n/a" : String.format("%.0f%% (%d/%d)", t.rate() * 100, t.agreed(), t.total());
    }

    private LabelerProfile profile(String username) {
        LabelerProfile p = em.find(LabelerProfile.class, username);
        if (p == null) {
            p = new LabelerProfile(username, clock.instant());
            em.persist(p);
        }
        return p;
    }

    public String describe(ScreeningAttempt a) {
        return a.getAnswers().lines().collect(Collectors.joining("; "));
    }
}
