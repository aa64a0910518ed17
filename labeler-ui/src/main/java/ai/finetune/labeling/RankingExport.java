package ai.finetune.labeling;


import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Submitted rankings as JSONL for the reward model: K-way (one line per ranking, with every completion and its
 * rank, so the trainer can take all C(K,2) pairs of a prompt as one batch element, as InstructGPT does) or pairwise
 * (one {@code prompt/chosen/rejected} line per strictly ordered pair; tied pairs carry no preference and are left
 * out).
 */
public final class RankingExport {

    private RankingExport() {
    }

    public static List<String> kWay(List<Assignment> rankings) {
        List<String> lines = new ArrayList<>();
        for (Assignment a : rankings) {
            Map<Long, Integer> ranks = LabelingQueue.ranksOf(a);
            JsonArrayBuilder completions = Jsons.P.createArrayBuilder();
            JsonArrayBuilder rankArray = Jsons.P.createArrayBuilder();
            JsonArrayBuilder scores = Jsons.P.createArrayBuilder();
            JsonArrayBuilder models = Jsons.P.createArrayBuilder();
            for (LabelingOutput o : a.getItem().getOutputs()) {
                completions.add(o.getText());
                rankArray.add(ranks.get(o.getId()));
                models.add(o.getModelName());
                scores.add(a.getEntries().stream().filter(e -> e.getOutput().getId().equals(o.getId()))
                        .findFirst().map(RankingEntry::getScore).orElse(0));
            }
            JsonObjectBuilder line = Jsons.P.createObjectBuilder()
                    .add("item", a.getItem().getId())
                    .add("labeler", a.getLabeler())
                    .add("prompt", a.getItem().getPrompt())
                    .add("completions", completions)
                    .add("ranks", rankArray)
                    .add("scores", scores)
                    .add("models", models);
            lines.add(line.build().toString());
        }
        return lines;
    }

    public static List<String> pairs(List<Assignment> rankings) {
        List<String> lines = new ArrayList<>();
        for (Assignment a : rankings) {
            Map<Long, LabelingOutput> byId = new java.util.HashMap<>();
            a.getItem().getOutputs().forEach(o -> byId.put(o.getId(), o));
            for (RankOrder.Pair p : RankOrder.fromRanks(LabelingQueue.ranksOf(a)).pairs()) {
                lines.add(Jsons.P.createObjectBuilder()
                        .add("item", a.getItem().getId())
                        .add("labeler", a.getLabeler())
                        .add("prompt", a.getItem().getPrompt())
                        .add("chosen", byId.get(p.chosen()).getText())
                        .add("rejected", byId.get(p.rejected()).getText())
                        .build().toString());
            }
        }
        return lines;
    }
}
