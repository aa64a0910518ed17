package ai.finetune.runtime.cli;

/** One sub-command of the model-runtime command line; the portal's batch steps run the same commands. */
public interface Command {
    /** The name typed on the command line, e.g. {@code tokenizer-train}. */
    String name();

    /** One line shown by {@code --help}. */
    String summary();

    /** Full help text for {@code <command> --help}: every option with its default. */
    String help();

    /**
     * Runs the command. Progress goes to stderr; the last line written to stdout must be a JSON summary.
     *
     * @return the process exit status
     */
    int run(Options options) throws Exception;
}
