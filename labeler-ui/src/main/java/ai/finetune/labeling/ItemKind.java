package ai.finetune.labeling;

/** What a labeling item asks for: a ranking of K = 4..9 outputs, or a blind A/B judgement of two. */
public enum ItemKind {
    RANKING(4, 9),
    AB(2, 2);

    private final int minOutputs;
    private final int maxOutputs;

    ItemKind(int minOutputs, int maxOutputs) {
        this.minOutputs = minOutputs;
        this.maxOutputs = maxOutputs;
    }

    public int minOutputs() {
        return minOutputs;
    }

    public int maxOutputs() {
        return maxOutputs;
    }
}
