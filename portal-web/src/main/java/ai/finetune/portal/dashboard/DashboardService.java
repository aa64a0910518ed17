package ai.finetune.portal.dashboard;

import ai.finetune.portal.db.PortalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;

/**
 * Builds each dashboard from the database. The pages, the CSV/JSON downloads and {@code /api/dashboards/*} all call
 * these methods, so they show the same numbers (bootstraps are seeded). Reads only.
 */
@ApplicationScoped
public class DashboardService {
    public static final List<String> NAMES = List.of(WinRatesDashboard.NAME, LeaderboardDashboard.NAME,
            HumanEvalDashboard.NAME, AlignmentDashboard.NAME, TrainingHealthDashboard.NAME);

    private DashboardRepository repository;

    protected DashboardService() {
        // for CDI proxies
    }

    @Inject
    public DashboardService(@PortalDataSource DataSource dataSource) {
        this.repository = new DashboardRepository(dataSource);
    }

    /** For tests: over any data source. */
    public static DashboardService over(DataSource dataSource) {
        return new DashboardService(dataSource);
    }

    public Dashboard winRates(String baseline) {
        return WinRatesDashboard.build(repository.abJudgements(), baseline);
    }

    public Dashboard leaderboard() {
        return LeaderboardDashboard.build(repository.abJudgements());
    }

    public Dashboard humanEval() {
        return HumanEvalDashboard.build(repository.evaluations("HUMANEVAL"));
    }

    public Dashboard alignment() {
        return AlignmentDashboard.build(repository.evaluations("TRUTHFULQA"), repository.evaluations("BBQ"),
                repository.rankedOutputs(), DatasetLicences.names(List.of("TruthfulQA", "BBQ")));
    }

    public Dashboard trainingHealth() {
        return TrainingHealthDashboard.build(repository.ppoRuns(), repository::metrics, repository::metricsOfModel);
    }

    /**
     * The dashboard called {@code name} ({@link #NAMES}); {@code baseline} only matters for win rates.
     *
     * @throws IllegalArgumentException for an unknown name or baseline
     */
    public Dashboard byName(String name, String baseline) {
        return switch (name) {
            case WinRatesDashboard.NAME -> winRates(baseline);
            case LeaderboardDashboard.NAME -> leaderboard();
            case HumanEvalDashboard.NAME -> humanEval();
            case AlignmentDashboard.NAME -> alignment();
            case TrainingHealthDashboard.NAME -> trainingHealth();
            default -> throw new IllegalArgumentException("no dashboard '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }
}
