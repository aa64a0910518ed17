package ai.finetune.portal.run;

import ai.finetune.batch.worker.MetricsFile;
import ai.finetune.batch.worker.WorkerOutcome;
import ai.finetune.batch.worker.Checkpoints;
import ai.finetune.labeling.LabelingItems;
import ai.finetune.portal.dataset.Dataset;
import ai.finetune.portal.model.ModelArtifact;
import ai.finetune.portal.model.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transactional operations on runs. Each method commits on its own, so that the batch thread's progress
 * reports are visible to pages at once. Orchestration (the queue, Jakarta Batch) is {@link RunQueue}'s.
 */
@ApplicationScoped
@Transactional
public class RunService {
    /** Characters of worker log kept on the run row (the whole log is {@code <out>/worker.log}). */
    static final int LOG_TAIL = 60_000;
    /** Json.createReader looks the provider up on every call; metrics arrive every 0.5 s. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    @Inject
    ModelRegistry models;

    @Inject
    RunSettings settings;

    @Inject
    LabelingItems labelingItems;

    TrainingRun create(RunKind kind, Map<String, String> params, ModelArtifact parent, ModelArtifact rewardModel,
                       Dataset dataset, String user) {
        int total = RunParameters.totalSteps(kind, params);
        if (total == 0 && kind == RunKind.SAMPLE_COMPARISONS && dataset != null) {
            total = (int) Math.min(Integer.MAX_VALUE, dataset.getRecords());
        }
        TrainingRun run = new TrainingRun(kind, settings.device(), toJson(params), parent.getId(),
                dataset == null ? null : dataset.getId(), total, user);
        if (rewardModel != null) {
            run.setRewardModelId(rewardModel.getId());
        }
        em.persist(run);
        em.flush();
        run.setOutDir(settings.runsDir().resolve(String.valueOf(run.getId())).toString());
        return run;
    }

    public Optional<TrainingRun> find(long id) {
        return Optional.ofNullable(em.find(TrainingRun.class, id));
    }

    public List<TrainingRun> list() {
        return em.createQuery("select r from TrainingRun r order by r.id desc", TrainingRun.class).getResultList();
    }

    /** The queue of a device: the running run first, then the queued ones in the order they will start. */
    public List<TrainingRun> queue(String device) {
        return em.createQuery("select r from TrainingRun r where r.device = :d and r.status in :s "
                        + "order by r.status desc, r.queuedAt, r.id", TrainingRun.class)
                .setParameter("d", device).setParameter("s", List.of(RunStatus.RUNNING, RunStatus.QUEUED))
                .getResultList();
    }

    public List<RunMetric> metrics(long runId) {
        return em.createQuery("select m from RunMetric m where m.runId = :r order by m.step", RunMetric.class)
                .setParameter("r", runId).getResultList();
    }

    /** The oldest queued run of {@code device}, marked RUNNING, unless a run is already running there. */
    Optional<TrainingRun> claimNext(String device) {
        long running = em.createQuery("select count(r) from TrainingRun r where r.device = :d and r.status = :s",
                Long.class).setParameter("d", device).setParameter("s", RunStatus.RUNNING).getSingleResult();
        if (running > 0) {
            return Optional.empty();
        }
        List<TrainingRun> next = em.createQuery("select r from TrainingRun r where r.device = :d and r.status = :s "
                        + "order by r.queuedAt, r.id", TrainingRun.class)
                .setParameter("d", device).setParameter("s", RunStatus.QUEUED).setMaxResults(1).getResultList();
        next.forEach(TrainingRun::dispatched);
        return next.stream().findFirst();
    }

    void recordExecution(long id, long executionId) {
        find(id).ifPresent(r -> r.setJobExecutionId(executionId));
    }

    /** Stop: a queued run stops at once; a running one is flagged (its worker checkpoints and exits). */
    TrainingRun requestStop(long id) throws RunException {
        TrainingRun r = find(id).orElseThrow(() -> new RunException("run " + id + " does not exist"));
        if (r.getStatus() == RunStatus.QUEUED) {
            r.ended(RunStatus.STOPPED, "stopped before it started");
        } else if (r.getStatus() == RunStatus.RUNNING) {
            r.requestStop();
        } else {
            throw new RunException("run " + id + " is " + r.getStatus() + ", not queued or running");
        }
        return r;
    }

    void requeue(long id) throws RunException {
        TrainingRun r = find(id).orElseThrow(() -> new RunException("run " + id + " does not exist"));
        if (!r.getStatus().restartable()) {
            throw new RunException("run " + id + " is " + r.getStatus() + "; only STOPPED or FAILED runs restart");
        }
        r.requeued();
    }

    public boolean stopRequested(long id) {
        return find(id).map(TrainingRun::isStopRequested).orElse(true);
    }

    void started(long id, long executionId, long pid, int fromStep) {
        TrainingRun r = em.find(TrainingRun.class, id);
        r.workerStarted(executionId, pid, fromStep);
        // steps after the checkpoint were lost with the interrupted worker; they will be trained again
        em.createQuery("delete from RunMetric m where m.runId = :r and m.step > :s")
                .setParameter("r", id).setParameter("s", fromStep).executeUpdate();
    }

    /**
     * Stores the rows not seen yet (a relaunch re-reads the file from its start) and updates the progress. Called
     * every 0.5 s while a worker trains: only the newest row is parsed (for the progress columns), with a JSON
     * provider looked up once, because the portal's CPU time is taken from the worker on a small machine.
     */
    void addMetrics(long id, List<String> rows) {
        Integer max = em.createQuery("select max(m.step) from RunMetric m where m.runId = :r", Integer.class)
                .setParameter("r", id).getSingleResult();
        int seen = max == null ? 0 : max;
        String lastRow = null;
        for (String row : rows) {
            int step = MetricsFile.step(row).orElse(-1);
            if (step <= seen) {
                continue;
            }
            em.persist(new RunMetric(id, step, fitted(row)));
            seen = step;
            lastRow = row;
        }
        if (lastRow == null) {
            return;
        }
        JsonObject last;
        try (var reader = JSON.createReader(new StringReader(lastRow))) {
            last = reader.readObject();
        } catch (RuntimeException e) {
            return; // an unreadable row is kept verbatim; progress waits for the next one
        }
        em.find(TrainingRun.class, id).progressed(seen, number(last, "loss"), number(last, "val_loss"),
                number(last, "tokens_per_s"));
    }

    /** run_metric.row_json holds 100,000 characters (V22); a longer row keeps its figures and drops its samples. */
    static String fitted(String row) {
        if (row.length() <= RunMetric.MAX_ROW) {
            return row;
        }
        try (var reader = Json.createReader(new StringReader(row))) {
            JsonObjectBuilder b = Json.createObjectBuilder(reader.readObject()).remove("samples");
            String smaller = b.add("samples_dropped", true).build().toString();
            if (smaller.length() <= RunMetric.MAX_ROW) {
                return smaller;
            }
        } catch (RuntimeException e) {
            // not JSON: cut below
        }
        return row.substring(0, RunMetric.MAX_ROW);
    }

    void appendLog(long id, List<String> lines) {
        em.find(TrainingRun.class, id).appendLog(String.join("\n", lines) + "\n", LOG_TAIL);
    }

    /** The worker exited: the end state, and for a completed run its checkpoint registered as a model. */
    void finished(long id, WorkerOutcome outcome) {
        TrainingRun r = em.find(TrainingRun.class, id);
        if (outcome.stopped()) {
            r.ended(RunStatus.STOPPED, "stopped at step " + r.getStep() + "; restart continues from the checkpoint");
        } else if (outcome.succeeded()) {
            String message;
            try {
                message = results(r, outcome);
            } catch (IOException | RuntimeException e) {
                r.ended(RunStatus.FAILED, truncate("the worker finished but its output could not be stored: "
                        + e.getMessage()));
                return;
            }
            r.ended(RunStatus.COMPLETED, message);
        } else {
            r.ended(RunStatus.FAILED, truncate(outcome.failureMessage()));
        }
    }

    /**
     * What a completed run leaves: a registered model (PPO: the exported policy folder, else the latest
     * checkpoint), ranking tasks for the labelers (sample-comparisons) or an evaluation_result (evaluations).
     * Returns the message shown on the run, or null.
     */
    private String results(TrainingRun r, WorkerOutcome outcome) throws IOException {
        Path out = Path.of(r.getOutDir());
        long id = r.getId();
        RunKind kind = r.getKind();
        if (kind.produces() != null) {
            Optional<Path> dir = kind == RunKind.PPO ? Optional.of(out.resolve("policy")).filter(Files::isDirectory)
                    : Checkpoints.latestDir(out);
            dir.ifPresent(d -> r.setResultModelId(models.register(kind.command() + "-run-" + id, kind.produces(), d,
                    r.getParentModelId(), id).getId()));
            return null;
        }
        if (kind == RunKind.SAMPLE_COMPARISONS) {
            String model = models.find(r.getParentModelId()).map(ModelArtifact::getName).orElse("model-" + id);
            int items = ComparisonTasks.queue(labelingItems, out.resolve("samples.jsonl"), model, r.getCreatedBy());
            return items + " ranking tasks queued for the labelers";
        }
        if (kind.evaluation()) {
            em.persist(new EvaluationResult(r.getParentModelId(), id, EvaluationSummaries.kind(kind),
                    EvaluationSummaries.of(kind, outcome.summary())));
            return "evaluation stored for model " + r.getParentModelId();
        }
        return null;
    }

    public List<EvaluationResult> evaluations(long modelId) {
        return em.createQuery("select e from EvaluationResult e where e.modelId = :m order by e.id desc",
                EvaluationResult.class).setParameter("m", modelId).getResultList();
    }

    void fail(long id, String message) {
        find(id).ifPresent(r -> r.ended(RunStatus.FAILED, truncate(message)));
    }

    /** Runs marked RUNNING by an earlier portal process (which died with them): FAILED, restartable. */
    List<TrainingRun> interrupted() {
        return em.createQuery("select r from TrainingRun r where r.status = :s", TrainingRun.class)
                .setParameter("s", RunStatus.RUNNING).getResultList();
    }

    void markInterrupted(long id) {
        find(id).ifPresent(r -> r.ended(RunStatus.FAILED, "interrupted: the portal stopped while this run was "
                + "running; Restart continues from its last checkpoint"));
    }

    static String toJson(Map<String, String> params) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        params.forEach(b::add);
        return b.build().toString();
    }

    public static Map<String, String> params(TrainingRun r) {
        Map<String, String> m = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(r.getParams()))) {
            reader.readObject().forEach((k, v) -> m.put(k, v.getValueType() == JsonValue.ValueType.STRING
                    ? ((jakarta.json.JsonString) v).getString() : v.toString()));
        }
        return m;
    }

    private static Double number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonNumber n ? n.doubleValue() : null;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 3900 ? s : s.substring(0, 3900) + "...";
    }
}
