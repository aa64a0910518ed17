package ai.finetune.runtime.rlhf;

import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.sampling.Completion;
import ai.finetune.runtime.sampling.Sampler;
import ai.finetune.runtime.sampling.SamplingConfig;
import ai.finetune.runtime.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Head-to-head evaluation: each model answers each held-out prompt once (same sampling settings and seed per
 * prompt), a judge scores both answers, and A's win rate counts ties as half, with a 95% Wilson interval.
 */
public final class WinRate {
    /** One response per prompt; prompt i uses seed {@code config.seed() + i}. */
    public static List<String> responses(GptModel model, Tokenizer tok, List<String> prompts, SamplingConfig config) {
        Sampler sampler = new Sampler(model, tok);
        int context = model.config().context();
        int maxNew = Math.min(config.maxNewTokens(), context - 2);
        List<String> out = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            int[] p = Sequences.promptPart(tok.encode(prompts.get(i)), tok, context - maxNew - 1);
            Completion c = sampler.sample(p, config.withN(1).withMaxNewTokens(maxNew).withSeed(config.seed() + i))
                    .get(0);
            out.add(c.text());
        }
        return out;
    }

    /** A's win rate over B given their responses to the same prompts. */
    public static Proportion of(List<String> prompts, List<String> a, List<String> b, Judge judge) {
        double wins = 0;
        for (int i = 0; i < prompts.size(); i++) {
            double sa = judge.score(prompts.get(i), a.get(i));
            double sb = judge.score(prompts.get(i), b.get(i));
            wins += sa > sb ? 1 : sa == sb ? 0.5 : 0;
        }
        return Proportion.wilson(wins, prompts.size());
    }

    /** A judge that asks a reward model (scores in batches). */
    public static Judge rewardModelJudge(ScalarModel rm, Tokenizer tok) {
        return (prompt, response) -> ai.finetune.runtime.rlhf.reward.RewardTrainer.scores(rm,
                List.of(Sequences.scored(prompt, response, tok, rm.config().context())), tok)[0];
    }

    private WinRate() {}
}
