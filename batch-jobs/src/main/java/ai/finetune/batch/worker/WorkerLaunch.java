package ai.finetune.batch.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything needed to start one worker: {@code java -Dai.djl.pytorch.num_threads=N -jar model-runtime.jar
 * <command> --out=<out> --key=value ...}, with its own {@code DJL_CACHE_DIR}.
 *
 * @param command   the model-runtime command ({@code pretrain}, {@code sft}, ...)
 * @param options   the run's options, spelled as the CLI spells them ({@code maxSteps}, {@code learningRate})
 * @param outDir    the run folder: checkpoints, {@code metrics.jsonl}, {@code STOP}, worker logs
 * @param resumable whether the command continues a run with {@code --resume=<out>} ({@code pretrain}, {@code sft})
 * @param threads   PyTorch intra-op threads, always set explicitly (DJL's default takes every core)
 * @param javaHome  the JDK that runs the worker: the portal's own
 * @param jar       model-runtime.jar
 * @param djlCache  DJL_CACHE_DIR of the worker (libtorch is unpacked there once)
 */
public record WorkerLaunch(String command, Map<String, String> options, Path outDir, boolean resumable, int threads,
                           Path javaHome, Path jar, Path djlCache) {

    /** Options that may be given again on {@code --resume} (every other setting comes from the checkpoint). */
    static final Set<String> RESUME_OPTIONS = Set.of("maxSteps", "device");
    /** ppo resumes differently: {@code --out=DIR --resume=true [--iterations=N]} (its own CLI's spelling). */
    static final Set<String> PPO_RESUME_OPTIONS = Set.of("iterations", "device");

    public WorkerLaunch {
        options = Map.copyOf(new LinkedHashMap<>(options));
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (options.containsKey("out") || options.containsKey("resume")) {
            throw new IllegalArgumentException("out and resume are set by the supervisor, not by the run's options");
        }
    }

    /** The checkpoint a restart continues from, if the run folder has one. */
    public OptionalInt resumeStep() {
        return resumable ? Checkpoints.latestStep(outDir) : OptionalInt.empty();
    }

    /** The full command line: a fresh start, or {@code --resume=<out>} when a checkpoint exists. */
    public List<String> commandLine() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.add("-Dai.djl.pytorch.num_threads=" + threads);
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-D" + ParentWatch.STOP_FILE_PROPERTY + "=" + outDir.resolve(WorkerProcess.STOP_FILE));
        // model-runtime.jar's own CLI entry point, wrapped by ParentWatch so the worker dies with the portal
        cmd.add("-cp");
        cmd.add(launcherDir() + java.io.File.pathSeparator + jar);
        cmd.add(ParentWatch.class.getName());
        cmd.add(command);
        boolean resume = resumeStep().isPresent();
        boolean ppo = command.equals("ppo");
        if (resume && ppo) {
            cmd.add("--out=" + outDir);
            cmd.add("--resume=true");
        } else if (resume) {
            cmd.add("--resume=" + outDir);
        } else {
            cmd.add("--out=" + outDir);
        }
        Set<String> kept = ppo ? PPO_RESUME_OPTIONS : RESUME_OPTIONS;
        options.entrySet().stream()
                .filter(e -> !resume || kept.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> cmd.add("--" + e.getKey() + "=" + e.getValue()));
        return cmd;
    }

    /** Where {@link ParentWatch} is copied for the worker's class path. */
    public Path launcherDir() {
        return outDir.resolve(".launcher");
    }

    /** The worker's environment additions. */
    public Map<String, String> environment() {
        return Map.of("DJL_CACHE_DIR", djlCache.toString());
    }

    /** Creates the run folder and the DJL cache folder. */
    void prepareDirectories() throws java.io.IOException {
        Files.createDirectories(outDir);
        Files.createDirectories(djlCache);
        ParentWatch.install(launcherDir());
    }
}
