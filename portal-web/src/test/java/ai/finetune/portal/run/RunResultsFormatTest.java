package ai.finetune.portal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversions at the edges of the RLHF jobs: rankings for reward-train, evaluation summaries, metric rows. */
class RunResultsFormatTest {

    @Test
    void labelerRanksBecomeBestFirstGroupsAndAllTiedRankingsAreLeftOut(@TempDir Path dir) throws Exception {
        assertEquals("[[1],[0,3],[2]]", RankingsFile.groups(Json.createArrayBuilder().add(2).add(1).add(3).add(2)
                .build()).toString());
        Path out = dir.resolve("r.jsonl");
        int n = RankingsFile.fromLabelers(List.of(
                "{\"prompt\":\"p\",\"completions\":[\"a\",\"b\",\"c\",\"d\"],\"ranks\":[1,2,2,3]}",
                "{\"prompt\":\"q\",\"completions\":[\"a\",\"b\",\"c\",\"d\"],\"ranks\":[1,1,1,1]}"), out);
        assertEquals(1, n);
        assertEquals(List.of("{\"prompt\":\"p\",\"responses\":[\"a\",\"b\",\"c\",\"d\"],\"ranking\":[[0],[1,2],[3]]}"),
                Files.readAllLines(out));
    }

    @Test
    void aRankingsDatasetIsRenamedForRewardTrain(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"),
                "{\"prompt\":\"p\",\"completions\":[\"x\",\"y\"],\"ranking\":[1,0],\"extra\":1}\n\n");
        Path out = dir.resolve("out.jsonl");
        assertEquals(1, RankingsFile.fromDataset(in, out));
        assertEquals("{\"prompt\":\"p\",\"responses\":[\"x\",\"y\"],\"ranking\":[1,0]}", Files.readString(out).strip());
    }

    @Test
    void evaluationSummariesKeepTheContractsFields() {
        String he = EvaluationSummaries.of(RunKind.HUMANEVAL, "{\"command\":\"humaneval\",\"temperature\":0.2,"
                + "\"samplesPerTask\":2,\"problems\":2,\"passAtK\":{\"1\":0.5},\"stopped\":false,\"seconds\":1.0}");
        assertEquals("{\"temperature\":0.2,\"samplesPerTask\":2,\"problems\":2,\"passAtK\":{\"1\":0.5}}", he);
        String bbq = EvaluationSummaries.of(RunKind.BBQ, "{\"items\":12,\"accuracy\":0.25,\"biasDisambiguated\":0.0,"
                + "\"biasAmbiguous\":null,\"categories\":{\"Age\":{\"items\":2}},\"model\":\"m\"}");
        assertTrue(bbq.contains("\"categories\":{\"Age\":{\"items\":2}}") && bbq.contains("\"biasAmbiguous\":null"));
        assertEquals("the worker's summary lacks 'mc1'", assertThrows(IllegalArgumentException.class,
                () -> EvaluationSummaries.of(RunKind.TRUTHFULQA, "{\"questions\":3}")).getMessage());
        assertEquals("TRUTHFULQA", EvaluationSummaries.kind(RunKind.TRUTHFULQA));
    }

    @Test
    void anOversizedMetricRowDropsItsSamplesNotItsFigures() {
        String big = "{\"step\":1,\"reward_mean\":0.5,\"samples\":[{\"response\":\"" + "x".repeat(RunMetric.MAX_ROW)
                + "\"}]}";
        assertEquals("{\"step\":1,\"reward_mean\":0.5,\"samples_dropped\":true}", RunService.fitted(big));
        assertEquals("{\"step\":1}", RunService.fitted("{\"step\":1}"));
    }

    @Test
    void chartsShowOnlyTheSeriesARunReports() {
        RunCharts c = new RunCharts(List.of(new RunMetric(1, 1, "{\"step\":1,\"reward_mean\":0.1,\"kl\":0.0,"
                + "\"entropy\":2.0,\"response_length\":12,\"samples\":[{\"prompt\":\"<b>p</b>\",\"response\":\"r\","
                + "\"reward\":0.3}]}")));
        assertTrue(c.has("reward") && c.has("kl") && c.has("entropy") && c.has("length"));
        assertTrue(!c.has("loss") && !c.has("accuracy"));
        assertEquals("<b>p</b>", c.getSamples().get(0).prompt(), "kept verbatim; the page escapes it");
    }
}
