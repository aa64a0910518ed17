package ai.finetune.batch.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {

    @Test
    void tailDeliversOnlyCompleteLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.jsonl");
        FileTail tail = new FileTail(f);
        assertEquals(List.of(), tail.read());
        Files.writeString(f, "{\"step\":1}\n{\"step\":", StandardCharsets.UTF_8);
        assertEquals(List.of("{\"step\":1}"), tail.read());
        Files.writeString(f, "2}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(List.of("{\"step\":2}"), tail.read());
        Files.writeString(f, "{\"step\":1}\n", StandardCharsets.UTF_8); // replaced by a shorter file
        assertEquals(List.of("{\"step\":1}"), tail.read());
    }

    @Test
    void truncateKeepsStepsUpToTheCheckpointAndDropsATornLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(MetricsFile.NAME),
                "{\"step\":1,\"loss\":2.0}\n{\"step\":2,\"loss\":1.9}\n{\"step\":3,\"loss\":1.8}\n{\"step\":4,\"lo",
                StandardCharsets.UTF_8);
        MetricsFile.truncateAfter(dir, 2);
        assertEquals(List.of("{\"step\":1,\"loss\":2.0}", "{\"step\":2,\"loss\":1.9}"),
                Files.readAllLines(dir.resolve(MetricsFile.NAME)));
    }

    @Test
    void latestStepReadsTheLatestFile(@TempDir Path dir) throws Exception {
        assertEquals(OptionalInt.empty(), Checkpoints.latestStep(dir));
        Files.createDirectories(dir.resolve("step-0000042"));
        Files.writeString(dir.resolve("latest"), "step-0000042\n");
        assertEquals(OptionalInt.of(42), Checkpoints.latestStep(dir));
        Files.writeString(dir.resolve("latest"), "step-0000043\n"); // names a folder that is not there
        assertEquals(OptionalInt.empty(), Checkpoints.latestStep(dir));
    }

    @Test
    void workerJarIsConfiguredOrFoundNextToTheBuild(@TempDir Path dir) throws Exception {
        Path built = dir.resolve("model-runtime/target/model-runtime.jar");
        Files.createDirectories(built.getParent());
        Files.writeString(built, "jar");
        assertEquals(built, WorkerJar.locate(Map.of(), new Properties(), dir.resolve("portal-web")));
        Path elsewhere = dir.resolve("workers/mr.jar");
        Files.createDirectories(elsewhere.getParent());
        Files.writeString(elsewhere, "jar");
        assertEquals(elsewhere, WorkerJar.locate(Map.of(WorkerJar.ENV, elsewhere.toString()), new Properties(), dir));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WorkerJar.locate(Map.of(WorkerJar.ENV, "/nowhere/x.jar"), new Properties(), dir));
        assertTrue(e.getMessage().contains("/nowhere/x.jar"));
    }

    @Test
    void aFreshLaunchPassesEveryOptionAndAResumeOnlyMaxSteps(@TempDir Path dir) throws Exception {
        WorkerLaunch l = new WorkerLaunch("sft", Map.of("learningRate", "9.65e-6", "maxSteps", "10", "init", "/m"),
                dir.resolve("run"), true, 2, Path.of("/jdk"), Path.of("/w.jar"), dir.resolve("djl"));
        List<String> fresh = l.commandLine();
        assertEquals(List.of("/jdk/bin/java", "-Dai.djl.pytorch.num_threads=2", "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dfile.encoding=UTF-8", "-Dworker.stopFile=" + dir.resolve("run/STOP"), "-cp",
                dir.resolve("run/.launcher") + java.io.File.pathSeparator + "/w.jar", ParentWatch.class.getName(),
                "sft", "--out=" + dir.resolve("run"), "--init=/m", "--learningRate=9.65e-6", "--maxSteps=10"), fresh);
        Files.createDirectories(dir.resolve("run/step-0000005"));
        Files.writeString(dir.resolve("run/latest"), "step-0000005");
        assertEquals(List.of("sft", "--resume=" + dir.resolve("run"), "--maxSteps=10"),
                l.commandLine().subList(8, l.commandLine().size()));
        assertEquals(dir.resolve("djl").toString(), l.environment().get("DJL_CACHE_DIR"));
    }

    @Test
    void ppoResumesWithItsOwnSpellingAndANonResumableCommandStartsAgain(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("run/step-0000002"));
        Files.writeString(dir.resolve("run/latest"), "step-0000002");
        WorkerLaunch ppo = new WorkerLaunch("ppo", Map.of("iterations", "5", "klCoef", "0.02", "sft", "/s",
                "device", "cpu"), dir.resolve("run"), true, 1, Path.of("/jdk"), Path.of("/w.jar"), dir.resolve("djl"));
        assertEquals(List.of("ppo", "--out=" + dir.resolve("run"), "--resume=true", "--device=cpu", "--iterations=5"),
                ppo.commandLine().subList(8, ppo.commandLine().size()));
        // reward-train keeps no resumable state: a restart runs it again with every option
        WorkerLaunch rm = new WorkerLaunch("reward-train", Map.of("sft", "/s", "data", "/d"), dir.resolve("run"),
                false, 1, Path.of("/jdk"), Path.of("/w.jar"), dir.resolve("djl"));
        assertEquals(List.of("reward-train", "--out=" + dir.resolve("run"), "--data=/d", "--sft=/s"),
                rm.commandLine().subList(8, rm.commandLine().size()));
    }
}
