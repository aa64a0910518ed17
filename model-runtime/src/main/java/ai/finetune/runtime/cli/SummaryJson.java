package ai.finetune.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The one-line JSON summaries that commands print last on stdout. */
final class SummaryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String line(Map<String, ?> summary) {
        try {
            return MAPPER.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SummaryJson() {}
}
