package ai.finetune.labeling.web;

import ai.finetune.labeling.screening.GoldKind;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One question of the screening test as the page shows it, with the applicant's answer. Gold answers stay out. */
public class ScreeningQuestion implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An output of a ranking question and the rank the applicant gives it. */
    public static class RankedOutput implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long number;
        private final String text;
        private Integer rank;

        RankedOutput(long number, String text) {
            this.number = number;
            this.text = text;
        }

        public long getNumber() { return number; }
        public String getText() { return text; }
        public Integer getRank() { return rank; }
        public void setRank(Integer rank) { this.rank = rank; }
    }

    private final long goldId;
    private final int number;
    private final GoldKind kind;
    private final String prompt;
    private final List<RankedOutput> outputs = new ArrayList<>();
    private Boolean sensitive;
    private String demonstration;

    ScreeningQuestion(long goldId, int number, GoldKind kind, String prompt, List<String> outputTexts) {
        this.goldId = goldId;
        this.number = number;
        this.kind = kind;
        this.prompt = prompt;
        for (int i = 0; i < outputTexts.size(); i++) {
            outputs.add(new RankedOutput(i + 1, outputTexts.get(i)));
        }
    }

    public List<Integer> getRankChoices() {
        List<Integer> r = new ArrayList<>();
        for (int i = 1; i <= outputs.size(); i++) {
            r.add(i);
        }
        return r;
    }

    public long getGoldId() { return goldId; }
    public int getNumber() { return number; }
    public GoldKind getKind() { return kind; }
    public String getPrompt() { return prompt; }
    public List<RankedOutput> getOutputs() { return outputs; }
    public Boolean getSensitive() { return sensitive; }
    public void setSensitive(Boolean sensitive) { this.sensitive = sensitive; }
    public String getDemonstration() { return demonstration; }
    public void setDemonstration(String demonstration) { this.demonstration = demonstration; }
}
