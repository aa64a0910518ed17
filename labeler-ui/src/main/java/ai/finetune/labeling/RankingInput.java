package ai.finetune.labeling;

import java.util.Map;
import java.util.Set;

/**
 * A ranking as a labeler submits it: the order (see {@link RankOrder}), and per output id a 1-7 score and the
 * metadata flags that apply.
 */
public record RankingInput(RankOrder order, Map<Long, Integer> scores, Map<Long, Set<MetadataFlag>> flags) {
}
