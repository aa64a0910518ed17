package ai.finetune.runtime.rlhf.experiment;

import ai.finetune.runtime.rlhf.Judge;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The synthetic instruction task of {@code instructgpt-mini}: "Write a list of N even|odd numbers." in six
 * phrasings (N = 2..5; 48 distinct prompts), answered like {@code [4, 10, 2]}. The hidden labeler's rule (this class as a {@link Judge}) prefers responses
 * that satisfy the constraints the prompt states:
 * <pre>
 *   utility = (share of items with the asked parity) + (1 - min(1, |items - N| / N))     in [0, 2]
 *   a response that is not a bracketed list of integers scores -1
 * </pre>
 * Demonstrations come from a sloppy demonstrator (right count 60% of the time, each number of the right parity
 * 70% of the time), so SFT imitates imperfect answers and there is room for RLHF to improve.
 */
public final class ListTask implements Judge {
    public static final String NAME = "instructgpt-mini";
    private static final Pattern PROMPT = Pattern.compile(".*?\\b([2-9]) (even|odd) numbers\\b.*");
    public static final java.util.List<String> TEMPLATES = java.util.List.of(
            "Write a list of %d %s numbers.",
            "List %d %s numbers.",
            "Give me %d %s numbers as a list.",
            "I need a list of %d %s numbers.",
            "Please write %d %s numbers in a list.",
            "Make a list with %d %s numbers.");

    public static String prompt(int template, int n, boolean even) {
        return String.format(TEMPLATES.get(template), n, even ? "even" : "odd");
    }

    /** All 48 prompts in a fixed order. */
    public static java.util.List<String> allPrompts() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int t = 0; t < TEMPLATES.size(); t++) {
            for (int n = 2; n <= 5; n++) {
                out.add(prompt(t, n, true));
                out.add(prompt(t, n, false));
            }
        }
        return out;
    }

    /** A sloppy demonstration for {@code prompt}. */
    public static String demonstration(String prompt, Random r) {
        Matcher m = parse(prompt);
        int n = Integer.parseInt(m.group(1));
        boolean even = m.group(2).equals("even");
        int len = r.nextDouble() < 0.6 ? n : Math.max(1, n + (r.nextBoolean() ? 1 : -1));
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < len; i++) {
            boolean right = r.nextDouble() < 0.7;
            int half = r.nextInt(10); // numbers 0..19
            int x = 2 * half + ((even == right) ? 0 : 1);
            sb.append(i == 0 ? "" : ", ").append(x);
        }
        return sb.append("]").toString();
    }

    @Override
    public double score(String prompt, String response) {
        Matcher m = parse(prompt);
        int n = Integer.parseInt(m.group(1));
        boolean even = m.group(2).equals("even");
        String s = response.strip();
        int close = s.indexOf(']');
        if (!s.startsWith("[") || close < 0 || !s.substring(close + 1).isBlank()) {
            return -1;
        }
        String body = s.substring(1, close).strip();
        if (body.isEmpty()) {
            return -1;
        }
        String[] items = body.split(",");
        int right = 0;
        for (String it : items) {
            String t = it.strip();
            if (!t.matches("-?\\d{1,6}")) {
                return -1;
            }
            right += (Integer.parseInt(t) % 2 == 0) == even ? 1 : 0;
        }
        double parity = (double) right / items.length;
        double count = 1 - Math.min(1.0, Math.abs(items.length - n) / (double) n);
        return parity + count;
    }

    private static Matcher parse(String prompt) {
        Matcher m = PROMPT.matcher(prompt.strip().replace('\n', ' '));
        if (!m.matches()) {
            throw new IllegalArgumentException("not an " + NAME + " prompt: '" + prompt + "'");
        }
        return m;
    }
}
