package ai.finetune.batch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launches the real model-runtime.jar: a tiny pretraining run streams its metrics, stops on request with a
 * checkpoint, and a relaunch resumes from it with no step reported twice.
 */
class WorkerProcessTest {
    static Path jar;
    static Path djlCache;
    @TempDir
    static Path shared;
    static Path tokenizer;
    static Path corpus;

    @BeforeAll
    static void tokenizerAndCorpus() throws Exception {
        jar = Path.of(System.getProperty("worker.jar", "../model-runtime/target/model-runtime.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build model-runtime first: " + jar);
        djlCache = Path.of(System.getProperty("worker.djl.cache", System.getProperty("user.home") + "/.djl.ai"));
        corpus = shared.resolve("corpus.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add("{\"text\":\"def add_" + i + "(a, b):\\n    return a + b * " + i + "\\n\"}");
        }
        Files.write(corpus, lines, StandardCharsets.UTF_8);
        tokenizer = shared.resolve("tokenizer.json");
        Process p = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "tokenizer-train", "--corpus=" + corpus,
                "--vocabSize=300", "--whitespaceTokens=false", "--out=" + tokenizer).redirectErrorStream(true)
                .redirectOutput(shared.resolve("tokenizer.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> read(shared.resolve("tokenizer.log")));
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static WorkerLaunch pretrain(Path out, int maxSteps) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("data", corpus.toString());
        o.put("tokenizer", tokenizer.toString());
        o.put("layers", "1");
        o.put("heads", "2");
        o.put("width", "32");
        o.put("context", "32");
        o.put("seqLen", "32");
        o.put("batchSize", "2");
        o.put("warmupSteps", "0");
        o.put("evalInterval", "0");
        o.put("checkpointInterval", "0");
        o.put("maxSteps", String.valueOf(maxSteps));
        return new WorkerLaunch("pretrain", o, out, true, 1, Path.of(System.getProperty("java.home")), jar, djlCache);
    }

    /** Collects what the supervisor delivers. */
    static final class Recorder implements WorkerProcess.Listener {
        final List<String> rows = Collections.synchronizedList(new ArrayList<>());
        final List<String> log = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void metrics(List<String> r) {
            rows.addAll(r);
        }

        @Override
        public void log(List<String> l) {
            log.addAll(l);
        }

        List<Integer> steps() {
            synchronized (rows) {
                return rows.stream().map(r -> MetricsFile.step(r).orElseThrow()).toList();
            }
        }
    }

    @Test
    void aShortRunStreamsEveryStepAndSucceeds(@TempDir Path out) throws Exception {
        WorkerLaunch launch = pretrain(out, 3);
        assertTrue(launch.commandLine().contains("-Dai.djl.pytorch.num_threads=1"));
        Recorder rec = new Recorder();
        WorkerOutcome outcome;
        try (WorkerProcess w = WorkerProcess.start(launch, rec)) {
            outcome = w.supervise(Duration.ofMillis(200), Duration.ofSeconds(30));
        }
        assertEquals(0, outcome.exitCode(), () -> outcome.failureMessage() + "\n" + read(out.resolve("worker.log")));
        assertTrue(outcome.succeeded());
        assertEquals(List.of(1, 2, 3), rec.steps());
        assertTrue(outcome.summary().contains("\"step\":3"), outcome.summary());
        assertFalse(rec.log.isEmpty(), "stderr lines are delivered");
        assertEquals(OptionalInt.of(3), Checkpoints.latestStep(out));
        assertTrue(Files.readString(out.resolve("worker.log")).contains("pretrain"));
    }

    @Test
    void stopCheckpointsAndAResumeContinuesWithoutRepeatingSteps(@TempDir Path out) throws Exception {
        Recorder first = new Recorder();
        WorkerOutcome stopped;
        try (WorkerProcess w = WorkerProcess.start(pretrain(out, 100_000), first)) {
            CompletableFuture<WorkerOutcome> done = CompletableFuture.supplyAsync(() -> {
                try {
                    return w.supervise(Duration.ofMillis(100), Duration.ofSeconds(60));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (first.rows.size() < 3 && System.nanoTime() < deadline && !done.isDone()) {
                Thread.sleep(50);
            }
            assertTrue(first.rows.size() >= 3, () -> "no progress: " + read(out.resolve("worker.log")));
            w.requestStop();
            stopped = done.get(120, TimeUnit.SECONDS);
        }
        assertTrue(stopped.stopped(), stopped::failureMessage);
        assertEquals(0, stopped.exitCode(), "the trainer honours the STOP file and exits cleanly");
        assertFalse(Files.exists(out.resolve(WorkerProcess.STOP_FILE)));
        int k = Checkpoints.latestStep(out).orElseThrow();
        assertTrue(k >= 3, "checkpoint at the stop step, got " + k);

        WorkerLaunch again = pretrain(out, k + 3);
        assertEquals(OptionalInt.of(k), again.resumeStep());
        assertTrue(again.commandLine().contains("--resume=" + out));
        assertFalse(again.commandLine().stream().anyMatch(a -> a.startsWith("--data=")),
                "only maxSteps and device are given again on resume");
        MetricsFile.truncateAfter(out, k);
        Recorder second = new Recorder();
        WorkerOutcome finished;
        try (WorkerProcess w = WorkerProcess.start(again, second)) {
            finished = w.supervise(Duration.ofMillis(200), Duration.ofSeconds(30));
        }
        assertTrue(finished.succeeded(), () -> finished.failureMessage());
        List<Integer> all = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(MetricsFile.NAME))) {
            all.add(MetricsFile.step(line).orElseThrow());
        }
        List<Integer> expected = new ArrayList<>();
        for (int s = 1; s <= k + 3; s++) {
            expected.add(s);
        }
        assertEquals(expected, all, "every step once, continuing from the checkpoint");
        // the tail re-reads the cut file from its start, then sees only the new steps
        List<Integer> delivered = second.steps();
        assertEquals(expected, delivered);
    }

    @Test
    void aWorkerWhosePortalDiesCheckpointsAndExits(@TempDir Path out) throws Exception {
        Recorder rec = new Recorder();
        WorkerOutcome outcome;
        try (WorkerProcess w = WorkerProcess.start(pretrain(out, 100_000), rec)) {
            CompletableFuture<WorkerOutcome> done = CompletableFuture.supplyAsync(() -> {
                try {
                    return w.supervise(Duration.ofMillis(100), Duration.ofSeconds(120));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (rec.rows.size() < 2 && System.nanoTime() < deadline && !done.isDone()) {
                Thread.sleep(50);
            }
            assertTrue(rec.rows.size() >= 2, () -> "no progress: " + read(out.resolve("worker.log")));
            w.closeParentPipe(); // what the kernel does when the portal is killed with SIGKILL
            outcome = done.get(120, TimeUnit.SECONDS);
        }
        assertEquals(0, outcome.exitCode(), () -> read(out.resolve("worker.log")));
        assertTrue(outcome.stopped(), () -> "stopped by itself, summary " + outcome.summary());
        assertTrue(Checkpoints.latestStep(out).orElseThrow() >= 2);
    }
}
