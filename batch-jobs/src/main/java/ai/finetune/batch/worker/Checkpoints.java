package ai.finetune.batch.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the worker's run-folder layout without loading model-runtime's checkpoint code (which needs DJL): the
 * {@code latest} file names the current {@code step-NNNNNNN} folder, written by an atomic move.
 */
public final class Checkpoints {
    public static final String LATEST = "latest";
    private static final Pattern STEP = Pattern.compile("step-(\\d+)");

    private Checkpoints() {
    }

    public static OptionalInt latestStep(Path runDir) {
        Path latest = runDir.resolve(LATEST);
        if (!Files.isRegularFile(latest)) {
            return OptionalInt.empty();
        }
        try {
            String name = Files.readString(latest, StandardCharsets.UTF_8).trim();
            Matcher m = STEP.matcher(name);
            if (!m.matches() || !Files.isDirectory(runDir.resolve(name))) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The folder of the latest checkpoint, if any. */
    public static java.util.Optional<Path> latestDir(Path runDir) {
        OptionalInt step = latestStep(runDir);
        return step.isPresent() ? java.util.Optional.of(runDir.resolve(String.format("step-%07d", step.getAsInt())))
                : java.util.Optional.empty();
    }
}
