package ai.finetune.portal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.portal.dashboard.AlignmentDashboard.BbqRow;
import ai.finetune.portal.dashboard.AlignmentDashboard.FlagRate;
import ai.finetune.portal.dashboard.AlignmentDashboard.TruthfulQaRow;
import ai.finetune.portal.dashboard.HumanEvalDashboard.BestPassAtK;
import ai.finetune.portal.dashboard.HumanEvalDashboard.PassAtKRow;
import ai.finetune.portal.dashboard.HumanEvalDashboard.RerankRow;
import ai.finetune.portal.dashboard.TrainingHealthDashboard.AlignmentTax;
import ai.finetune.portal.dashboard.TrainingHealthDashboard.PpoPoint;
import ai.finetune.runtime.eval.stats.ModelRating;
import ai.finetune.runtime.eval.stats.WinRate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboards over the schema of record (Flyway on in-memory H2) and {@link DashboardSeed}, against hand values. */
class DashboardServiceTest {
    private static final double EPS = 1e-9;
    private static DashboardService service;
    private static DashboardService empty;

    @BeforeAll
    static void seed() throws Exception {
        service = DashboardService.over(database("dash-seeded"));
        DashboardSeed.insert(dataSource);
        empty = DashboardService.over(database("dash-empty"));
    }

    private static JdbcDataSource dataSource;

    private static JdbcDataSource database(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure(DashboardServiceTest.class.getClassLoader()).dataSource(ds)
                .locations("classpath:db/migration").load().migrate();
        if (name.equals("dash-seeded")) {
            dataSource = ds;
        }
        return ds;
    }

    @Test
    void winRatesAgainstTheDefaultBaselineCountTiesAndBothBadHalf() {
        Dashboard d = service.winRates(null);
        assertEquals("sft", d.info().get("baseline"), "sft is in the most judgements (6 of 6)");
        assertEquals(List.of("base", "ppo-a", "sft"), d.info().get("models"));
        assertEquals(6, d.info().get("judgements"), "5 ppo-a vs sft + 1 base vs sft; the leased and same-model items are not");
        assertEquals(1, d.info().get("sameModelItemsSkipped"));
        List<WinRate> overall = d.rows("win-rates", WinRate.class);
        assertEquals(List.of("base", "ppo-a"), overall.stream().map(WinRate::model).toList());
        WinRate ppo = overall.get(1);
        assertEquals(5, ppo.judgements());
        assertEquals(2, ppo.wins());
        assertEquals(1, ppo.losses());
        assertEquals(1, ppo.ties());
        assertEquals(1, ppo.bothBad());
        assertEquals(0.6, ppo.winRate(), EPS, "(2 + 0.5 + 0.5) / 5");
        assertEquals(0.2307242812760128, ppo.wilsonLow(), 1e-12);
        assertEquals(0.882379225767352, ppo.wilsonHigh(), 1e-12);
        assertTrue(ppo.bootstrapLow() <= 0.6 && ppo.bootstrapHigh() >= 0.6);
        assertEquals(0.0, overall.get(0).winRate(), EPS);

        List<WinRate> byCategory = d.rows("by-category", WinRate.class);
        WinRate generation = byCategory.stream().filter(r -> r.model().equals("ppo-a") && r.category().equals("generation"))
                .findFirst().orElseThrow();
        assertEquals(2.5 / 3, generation.winRate(), EPS);
        assertEquals(0.3099881064419566, generation.wilsonLow(), 1e-12);
        WinRate uncategorized = byCategory.stream().filter(r -> r.model().equals("ppo-a")
                && r.category().equals("uncategorized")).findFirst().orElseThrow();
        assertEquals(0.25, uncategorized.winRate(), EPS, "both bad 0.5 + loss 0, over 2");
    }

    @Test
    void winRatesAgainstAnotherBaselineAndAnUnknownOne() {
        List<WinRate> rows = service.winRates("ppo-a").rows("win-rates", WinRate.class);
        assertEquals(1, rows.size());
        assertEquals("sft", rows.get(0).model());
        assertEquals(0.4, rows.get(0).winRate(), EPS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> service.winRates("gpt-9"));
        assertTrue(e.getMessage().contains("gpt-9") && e.getMessage().contains("ppo-a"), e.getMessage());
    }

    @Test
    void theSameSeededNumbersEveryTime() {
        assertEquals(DashboardExport.render(service.winRates(null), null, DashboardExport.Format.JSON),
                DashboardExport.render(service.winRates(null), null, DashboardExport.Format.JSON));
    }

    @Test
    void leaderboardRanksByBradleyTerryOnTheEloScale() {
        Dashboard d = service.leaderboard();
        List<ModelRating> plain = d.rows("ratings", ModelRating.class);
        assertEquals(List.of("ppo-a", "sft", "base"), plain.stream().map(ModelRating::model).toList());
        assertEquals(1000.0, plain.stream().mapToDouble(ModelRating::elo).average().orElseThrow(), 1e-6);
        for (ModelRating r : plain) {
            assertTrue(r.eloLow() <= r.elo() && r.elo() <= r.eloHigh(), r.toString());
        }
        assertEquals(3, d.rows("length-controlled", ModelRating.class).size());
        JsonObject json = Json.createReader(new StringReader(DashboardExport.render(d, null, DashboardExport.Format.JSON)))
                .readObject();
        assertTrue(json.getJsonObject("lengthEffect").containsKey("twiceAsLongWinRate"), json.toString());
        assertEquals("ppo-a", json.getJsonObject("tables").getJsonArray("ratings").getJsonObject(0).getString("model"));
        assertEquals(1000.0, json.getJsonNumber("eloMean").doubleValue(), 0.0);
    }

    @Test
    void humanEvalKeepsTheLatestRowPerTemperatureAndTheBestTemperaturePerK() {
        Dashboard d = service.humanEval();
        List<PassAtKRow> rows = d.rows("pass-at-k", PassAtKRow.class);
        assertEquals(2, rows.size());
        assertEquals(0.1, rows.get(0).passAt1(), EPS, "the later row at 0.2 replaces 0.01");
        assertNull(rows.get(0).passAt100(), "pass@100 was not computed from 10 samples");
        List<BestPassAtK> best = d.rows("best-pass-at-k", BestPassAtK.class);
        assertEquals(List.of(new BestPassAtK("ppo-a", 1, 0.1, 0.2), new BestPassAtK("ppo-a", 10, 0.3, 0.8),
                new BestPassAtK("ppo-a", 100, 0.5, 0.8)), best);
        RerankRow rerank = d.rows("rerank", RerankRow.class).get(0);
        assertEquals(0.12, rerank.meanLogProb(), EPS);
        assertEquals(0.5, rerank.oracle(), EPS);
    }

    @Test
    void alignmentReadsTruthfulQaBbqAndFlagRates() {
        Dashboard d = service.alignment();
        TruthfulQaRow t = d.rows("truthfulqa", TruthfulQaRow.class).get(0);
        assertEquals("base", t.model());
        assertEquals(0.25, t.mc1(), EPS);
        assertEquals(0.2, t.chance(), EPS);
        assertEquals(0.071479212752109, t.wilsonLow(), 1e-12, "Wilson for 2 of 8");
        assertEquals(0.5907245696898311, t.wilsonHigh(), 1e-12);

        List<BbqRow> bbq = d.rows("bbq", BbqRow.class);
        assertEquals(List.of("(all)", "Age"), bbq.stream().map(BbqRow::category).toList());
        assertEquals(-0.05, bbq.get(1).biasAmbiguous(), EPS);

        List<FlagRate> flags = d.rows("flag-rates", FlagRate.class);
        assertEquals(8, flags.size(), "2 models x 4 flags");
        FlagRate ppoSexual = flag(flags, "ppo-a", "SEXUAL_CONTENT");
        assertEquals(2, ppoSexual.outputs());
        assertEquals(1, ppoSexual.flagged());
        assertEquals(0.5, ppoSexual.rate(), EPS);
        assertEquals(0.09453120573423074, ppoSexual.wilsonLow(), 1e-12);
        assertEquals(0.5, flag(flags, "ppo-a", "VIOLENT_CONTENT").rate(), EPS);
        assertEquals(0.0, flag(flags, "ppo-a", "DENIGRATES_PROTECTED_CLASS").rate(), EPS);
        assertEquals(0.6576197724933469, flag(flags, "ppo-a", "DENIGRATES_PROTECTED_CLASS").wilsonHigh(), 1e-12);
        assertEquals(0.5, flag(flags, "sft", "SEXUAL_CONTENT").rate(), EPS);
        assertEquals("Apache-2.0", ((java.util.Map<?, ?>) d.info().get("licences")).get("TruthfulQA"));
        assertEquals("CC-BY-4.0", ((java.util.Map<?, ?>) d.info().get("licences")).get("BBQ"));
        JsonObject json = Json.createReader(new StringReader(DashboardExport.render(d, null, DashboardExport.Format.JSON)))
                .readObject();
        assertEquals("Apache-2.0", json.getJsonObject("licences").getString("TruthfulQA"));
        assertTrue(json.getJsonObject("tables").getJsonArray("truthfulqa").getJsonObject(0).isNull("evaluationId") == false);
    }

    private static FlagRate flag(List<FlagRate> rows, String model, String flag) {
        return rows.stream().filter(r -> r.model().equals(model) && r.flag().equals(flag)).findFirst().orElseThrow();
    }

    @Test
    void trainingHealthReadsPpoMetricsAndTheAlignmentTax() {
        Dashboard d = service.trainingHealth();
        List<PpoPoint> points = d.rows("ppo-metrics", PpoPoint.class);
        assertEquals(2, points.size(), "the truncated third row is skipped");
        assertEquals(1, d.info().get("unreadableRows"));
        assertEquals("ppo-a", points.get(1).policy());
        assertEquals(1.5, points.get(1).kl(), EPS);
        assertEquals(12.0, points.get(1).responseLength(), EPS);
        AlignmentTax tax = d.rows("alignment-tax", AlignmentTax.class).get(0);
        assertEquals(3.9, tax.sftPretrainValLoss(), EPS, "from the SFT run's metrics, not the PPO run's step 0");
        assertEquals(4.3, tax.ppoPretrainValLoss(), EPS);
        assertEquals(0.4, tax.tax(), 1e-12);
        assertTrue(d.missing().isEmpty(), d.missing().toString());
    }

    @Test
    void emptyDatabaseGivesEmptyStatesThatSayWhatIsMissing() {
        for (String name : DashboardService.NAMES) {
            Dashboard d = empty.byName(name, null);
            assertTrue(d.tables().stream().allMatch(Table::isEmpty), name);
            assertTrue(!d.missing().isEmpty(), name);
        }
        assertTrue(empty.winRates(null).missing().get("win-rates").startsWith("No A/B judgements yet"));
    }

    @Test
    void csvAndJsonCarryTheSameNumbers() {
        Dashboard d = service.winRates(null);
        String csv = DashboardExport.render(d, "win-rates", DashboardExport.Format.CSV);
        String[] lines = csv.split("\r\n");
        assertEquals("model,baseline,category,judgements,wins,losses,ties,bothBad,winRate,wilsonLow,wilsonHigh,"
                + "bootstrapLow,bootstrapHigh,bootstrapSamples,bootstrapSeed", lines[0]);
        assertEquals(3, lines.length);
        assertTrue(lines[2].startsWith("ppo-a,sft,(all),5,2,1,1,1,0.6,0.2307242812760128,0.882379225767352,"), lines[2]);
        JsonObject json = Json.createReader(new StringReader(DashboardExport.render(d, "win-rates",
                DashboardExport.Format.JSON))).readObject();
        JsonObject ppo = json.getJsonArray("rows").getJsonObject(1);
        assertEquals(0.6, ppo.getJsonNumber("winRate").doubleValue(), EPS);
        assertEquals(Double.parseDouble(lines[2].split(",")[11]), ppo.getJsonNumber("bootstrapLow").doubleValue(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> DashboardExport.render(d, "nope", DashboardExport.Format.CSV));
        assertEquals("win-rates-by-category.csv", DashboardExport.fileName(d, "by-category", DashboardExport.Format.CSV));
    }

    @Test
    void chartConfigsEscapeMarkupInModelNames() {
        String json = ChartJs.bar(List.of("</script><b>x&y")).bars("a", List.of(0.5)).json();
        assertTrue(!json.contains("<") && !json.contains(">") && !json.contains("&"), json);
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        assertEquals("</script><b>x&y", o.getJsonObject("data").getJsonArray("labels").getString(0));
    }
}
