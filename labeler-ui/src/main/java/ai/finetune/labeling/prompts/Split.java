package ai.finetune.labeling.prompts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Train / validation / test, chosen per author so no author's prompts are in two splits (InstructGPT). The choice
 * is a hash of the user name: stable without stored state, about 80/10/10.
 */
public enum Split {
    TRAIN,
    VALIDATION,
    TEST;

    public static Split forAuthor(String author) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(author.getBytes(StandardCharsets.UTF_8));
            int bucket = Math.floorMod(((h[0] & 0xff) << 8) | (h[1] & 0xff), 10);
            return bucket < 8 ? TRAIN : bucket == 8 ? VALIDATION : TEST;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
