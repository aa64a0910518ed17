package ai.finetune.runtime.rlhf.ppo;

/**
 * One rollout: a prompt (ending in RESPONSE) and the sampled actions (response tokens, plus END_OF_TEXT when the
 * policy chose to stop), with what the update needs per action. Arrays are per action token.
 *
 * @param promptText the prompt as text
 * @param prompt     prompt + RESPONSE token ids
 * @param actions    sampled token ids
 * @param response   the response as text
 */
public final class Episode {
    final String promptText;
    final int[] prompt;
    final int[] actions;
    final String response;
    double score; // reward model's score of the full response
    float[] logp; // policy at rollout time
    float[] refLogp; // frozen reference (SFT)
    float[] values; // value function at rollout time
    double[] advantages;
    double[] returns;

    Episode(String promptText, int[] prompt, int[] actions, String response) {
        this.promptText = promptText;
        this.prompt = prompt;
        this.actions = actions;
        this.response = response;
    }

    /** prompt + actions. */
    int[] ids() {
        int[] ids = new int[prompt.length + actions.length];
        System.arraycopy(prompt, 0, ids, 0, prompt.length);
        System.arraycopy(actions, 0, ids, prompt.length, actions.length);
        return ids;
    }

    /** Index into a (T - 1) log-prob row of action {@code k}: the position that predicts it. */
    int position(int k) {
        return prompt.length - 1 + k;
    }

    /** Sum over actions of log(pi / pi_ref): the episode's KL estimate. */
    double kl() {
        double s = 0;
        for (int i = 0; i < logp.length; i++) {
            s += logp[i] - refLogp[i];
        }
        return s;
    }
}
