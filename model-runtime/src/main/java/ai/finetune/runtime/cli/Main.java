package ai.finetune.runtime.cli;

import ai.finetune.runtime.eval.alignment.GptContinuationScorer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code model-runtime.jar}: {@code java -jar model-runtime.jar <command> --key=value ...}.
 * Exit status: 0 success, 1 failure, 2 usage error.
 */
public final class Main {
    /** Every command, in the order {@code --help} lists them. Add new commands here. */
    static List<Command> commands() {
        return List.of(
                // commands are registered here, one line each
                new PrepareCorpusCommand(),
                new TokenizerTrainCommand(),
                new TokenizerAdaptCommand(),
                new TokenizeCommand(),
                new PretrainCommand(),
                new SftCommand(),
                new SampleCommand(),
                new AdaptCheckpointCommand(),
                new Gpt2ImportCommand(),
                new Gpt2ExportCommand(),
                new BenchCommand(),
                new HumanEvalEvaluateCommand(),
                new HumanEvalGenerateCommand(),
                new HumanEvalRerankCommand(),
                new HumanEvalSweepCommand(),
                new HumanEvalCommand(),
                new WinratesCommand(),
                new TruthfulqaEvalCommand(GptContinuationScorer::open),
                new BbqEvalCommand(GptContinuationScorer::open),
                new RewardTrainCommand(),
                new PpoCommand(),
                new ScoreCommand(),
                new CompareCommand(),
                new ExperimentCommand()
        );
    }

    public static void main(String[] args) {
        // One PyTorch thread unless told otherwise (-Dai.djl.pytorch.num_threads=N, or --threads=N where a command
        // has it): on a shared 2-core host, DJL's default of one thread per core made sampling 20-60x slower
        // (0.6 s vs 39 s for the same 3 x 80 tokens) because the threads wait on each other for busy cores.
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        System.exit(run(args));
    }

    public static int run(String[] args) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : commands()) {
            byName.put(c.name(), c);
        }
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.println("usage: java -jar model-runtime.jar <command> --key=value ...\ncommands:");
            byName.values().forEach(c -> System.out.printf("  %-22s %s%n", c.name(), c.summary()));
            return args.length == 0 ? 2 : 0;
        }
        Command command = byName.get(args[0]);
        if (command == null) {
            System.err.println("unknown command '" + args[0] + "'; known: " + String.join(", ", byName.keySet()));
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help")) {
            System.out.println(command.help());
            return 0;
        }
        try {
            return command.run(new Options(command.name(), rest));
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("error: " + command.name() + " failed: " + e);
            e.printStackTrace(System.err);
            return 1;
        }
    }

    private Main() {}
}
