package ai.finetune.runtime.cli;

import ai.finetune.runtime.eval.alignment.ProgressListener;

/** Progress lines on stderr ("name: 50/817"), every n items and at the end. */
final class Progress {
    private Progress() {}

    static ProgressListener every(String name, int n) {
        return (done, total) -> {
            if (done % n == 0 || done == total) {
                System.err.printf("%s: %d/%d%n", name, done, total);
            }
        };
    }
}
