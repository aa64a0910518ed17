package ai.finetune.labeling;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the labeling code. {@code Json.createObjectBuilder()} and friends look the provider up
 * with a ServiceLoader on every call (jar scans): under the labeling load that showed up in the CPU profile of every
 * API request, several times per response.
 */
public final class Jsons {

    public static final JsonProvider P = JsonProvider.provider();

    private Jsons() {
    }
}
