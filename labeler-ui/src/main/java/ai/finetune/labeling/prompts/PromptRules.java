package ai.finetune.labeling.prompts;

import ai.finetune.labeling.LabelingException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on a new prompt that need no database: kind-specific shape, and InstructGPT's duplicate heuristic (a long
 * common prefix with an existing prompt, compared case- and whitespace-insensitively).
 */
public final class PromptRules {

    /** Prompts sharing this many normalised leading characters are duplicates. */
    public static final int DUPLICATE_PREFIX = 40;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern INPUT = Pattern.compile("(?m)^\\s*Input:");
    private static final Pattern OUTPUT = Pattern.compile("(?m)^\\s*Output:");

    private PromptRules() {
    }

    public static String normalise(String text) {
        return SPACES.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /**
     * Whether two prompts share a long common prefix: their first {@link #DUPLICATE_PREFIX} normalised characters
     * (for shorter prompts, their whole normalised text) are equal. Equal {@link #prefixKey}s say the same.
     */
    public static boolean duplicates(String a, String b) {
        return prefixKey(a).equals(prefixKey(b));
    }

    /** The normalised prefix used to find candidate duplicates in the database. */
    public static String prefixKey(String text) {
        String n = normalise(text);
        return n.length() <= DUPLICATE_PREFIX ? n : n.substring(0, DUPLICATE_PREFIX);
    }

    public static void check(PromptKind kind, PromptCategory category, String useCase, String text) {
        if (kind == null) {
            throw new LabelingException("choose the kind of prompt: plain, few-shot or user-based");
        }
        if (category == null) {
            throw new LabelingException("choose the prompt's category");
        }
        if (text == null || text.isBlank()) {
            throw new LabelingException("the prompt is empty");
        }
        if (text.length() > 20000) {
            throw new LabelingException("the prompt is " + text.length() + " characters; at most 20000");
        }
        if (kind == PromptKind.FEW_SHOT) {
            long inputs = INPUT.matcher(text).results().count();
            long outputs = OUTPUT.matcher(text).results().count();
            if (inputs < 2 || outputs < 2) {
                throw new LabelingException("a few-shot prompt is an instruction and at least two query/response pairs, "
                        + "each on lines starting 'Input:' and 'Output:'; found " + inputs + " inputs and " + outputs + " outputs");
            }
        }
        if (kind == PromptKind.USER_BASED && (useCase == null || useCase.isBlank())) {
            throw new LabelingException("a user-based prompt names the use case it was written for");
        }
    }
}
