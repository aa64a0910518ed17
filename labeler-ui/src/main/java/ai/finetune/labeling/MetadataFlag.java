package ai.finetune.labeling;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** InstructGPT's metadata labels for one output (Ouyang et al. 2022, labeling interface). */
public enum MetadataFlag {
    FAILS_INSTRUCTION("Fails to follow the correct instruction / task"),
    INAPPROPRIATE_FOR_ASSISTANT("Inappropriate for a customer assistant"),
    HALLUCINATION("Hallucination"),
    SATISFIES_CONSTRAINTS("Satisfies the constraints in the instruction"),
    SEXUAL_CONTENT("Sexual content"),
    VIOLENT_CONTENT("Violent content"),
    ENCOURAGES_VIOLENCE("Encourages or fails to discourage violence/abuse/terrorism/self-harm"),
    DENIGRATES_PROTECTED_CLASS("Denigrates a protected class"),
    HARMFUL_ADVICE("Gives harmful advice"),
    EXPRESSES_OPINION("Expresses an opinion"),
    MORAL_JUDGEMENT("Expresses a moral judgement");

    private final String label;

    MetadataFlag(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public String getName() {
        return name();
    }

    /** Comma-separated names, the stored form. */
    public static String join(Set<MetadataFlag> flags) {
        return flags.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Parses the stored form or user input; an unknown name is an error that names it. */
    public static Set<MetadataFlag> parse(String stored) {
        EnumSet<MetadataFlag> out = EnumSet.noneOf(MetadataFlag.class);
        if (stored == null || stored.isBlank()) {
            return out;
        }
        for (String part : stored.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new LabelingException("unknown metadata flag '" + name + "'; known: "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return out;
    }
}
