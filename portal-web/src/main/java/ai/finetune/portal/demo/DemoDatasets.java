package ai.finetune.portal.demo;

import ai.finetune.portal.dataset.Dataset;
import ai.finetune.portal.dataset.DatasetException;
import ai.finetune.portal.dataset.DatasetKind;
import ai.finetune.portal.dataset.DatasetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The demo datasets and their seeding in one transaction: all of them or none (a failure rolls the rows back, and
 * DatasetService removes the files of rolled-back rows).
 * <ul>
 * <li>{@code demo-demonstrations} (DEMONSTRATIONS) and {@code demo-prompts} (PROMPTS, held-out tasks), tiny
 * docstring-to-body Python tasks written for the portal by {@code portal-web/src/demo/make_demo_data.py};</li>
 * <li>{@code demo-rankings} (RANKINGS): for each held-out prompt, a correct, a wrong, an empty and a cut-off body;</li>
 * <li>{@code humaneval} (HUMANEVAL): the 164 problems model-runtime ships (MIT, see datasets/humaneval/LICENSE).</li>
 * </ul>
 */
@ApplicationScoped
public class DemoDatasets {
    static final String SEEDED_BY = "demo-seed";
    private static final String DIR = "ai/finetune/portal/demo/";
    static final String HUMANEVAL = "datasets/humaneval/HumanEval.jsonl.gz";

    record Seed(String name, DatasetKind kind, String resource) {}

    /** Demonstrations last: the SFT form defaults to the newest DEMONSTRATIONS dataset. */
    static final List<Seed> SEEDS = List.of(
            new Seed("humaneval", DatasetKind.HUMANEVAL, HUMANEVAL),
            new Seed("demo-prompts", DatasetKind.PROMPTS, DIR + "prompts.jsonl"),
            new Seed("demo-rankings", DatasetKind.RANKINGS, DIR + "rankings.jsonl"),
            new Seed("demo-demonstrations", DatasetKind.DEMONSTRATIONS, DIR + "demonstrations.jsonl"));

    @Inject
    DatasetService datasets;

    /** Seeds every demo dataset when there is no dataset yet; returns what it stored (empty: nothing to do). */
    @Transactional(rollbackOn = Exception.class)
    public List<String> seedIfEmpty() throws IOException, DatasetException {
        if (datasets.count() > 0) {
            return List.of();
        }
        List<String> stored = new ArrayList<>();
        for (Seed s : SEEDS) {
            try (InputStream in = open(s.resource())) {
                Dataset d = datasets.storeShipped(s.name(), s.kind(), in, SEEDED_BY);
                stored.add(d.getName() + " (" + d.getRecords() + " " + d.getKind() + ")");
            } catch (DatasetException e) {
                throw new DatasetException(s.resource() + ": " + e.getMessage());
            }
        }
        return stored;
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = DemoDatasets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing from the classpath: " + resource);
        }
        return resource.endsWith(".gz") ? new GZIPInputStream(in) : in;
    }
}
