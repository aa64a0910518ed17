package ai.finetune.runtime.eval.humaneval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The explicitly requested unsandboxed mode keeps the reference's semantics and still kills what a sample leaves
 * behind (without a pid namespace it must not use kill(-1), which would reach every process of the user).
 */
class UnsandboxedModeTest {

    @Test
    void verdictsMatchAndOrphansAreKilled() throws Exception {
        Sandbox bare = Sandbox.unsandboxed(SandboxLimits.defaults().withTimeout(1.0));
        assertFalse(bare.isolated());
        String marker = "414." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String orphan = SandboxFixture.orphanLeavingProgram(marker);
        SampleExecutor.Run run = new SampleExecutor(bare, 2).run(List.of("assert 1 + 1 == 2\n", "while True:\n    pass\n",
                "import os\nos._exit(0)\n", "raise ValueError('x')\n", orphan), (i, v) -> { });
        assertEquals(List.of("passed", "timed out", "timed out", "failed: x", "passed"),
                run.verdicts().stream().map(Verdict::result).toList());
        assertEquals(1, run.survivorsKilled());
        assertEquals(List.of(), SandboxFixture.processesWithMarker(marker));
    }
}
