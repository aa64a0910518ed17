package ai.finetune.portal.model;

/** Kinds of checkpoints in the registry, in lineage order: base -> SFT -> reward model -> PPO policy. */
public enum ModelKind {
    BASE, SFT, RM, PPO
}
