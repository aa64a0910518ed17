package ai.finetune.runtime.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns a byte-level BPE vocabulary: the 256 byte tokens, then repeatedly the most frequent adjacent pair of
 * tokens within the pre-tokenized words of the corpus becomes a new token, until the vocabulary holds
 * {@code vocabSize} tokens including {@link Tokenizer#END_OF_TEXT} and {@link Tokenizer#RESPONSE}.
 *
 * <p>Counting is done once per distinct word (weighted by its frequency), and each merge only revisits the
 * words that contain the merged pair, so a merge costs in proportion to where the pair occurs, not to the corpus.
 * Ties between equally frequent pairs go to the pair of smaller ids, so training is deterministic.
 *
 * <p>Usage: {@code feed(text)} for every document, then {@code train()}.
 */
public final class BpeTrainer {
    /** Ids 0..255 are the bytes; then the merges; then the two special tokens. */
    public static final int BYTE_TOKENS = 256;
    public static final int SPECIAL_TOKENS = 2;
    public static final int MIN_VOCAB_SIZE = BYTE_TOKENS + SPECIAL_TOKENS;

    private final int vocabSize;
    private final int minFrequency;
    private final Map<String, long[]> wordCounts = new HashMap<>();
    private long fedBytes;

    /**
     * @param vocabSize total vocabulary: 256 bytes + merges + 2 special tokens; at least {@link #MIN_VOCAB_SIZE}
     * @param minFrequency a pair seen fewer times than this is never merged (training may then stop early)
     */
    public BpeTrainer(int vocabSize, int minFrequency) {
        if (vocabSize < MIN_VOCAB_SIZE) {
            throw new IllegalArgumentException("vocabSize " + vocabSize + " is too small: a byte-level BPE needs at least "
                    + MIN_VOCAB_SIZE + " (256 byte tokens + " + SPECIAL_TOKENS + " special tokens)");
        }
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minFrequency must be at least 1, got " + minFrequency);
        }
        this.vocabSize = vocabSize;
        this.minFrequency = minFrequency;
    }

    /** Adds a document's words to the counts. */
    public void feed(String text) {
        fedBytes += text.length();
        PreTokenizer.split(text, w -> wordCounts.computeIfAbsent(w, k -> new long[1])[0]++);
    }

    /** Characters fed so far (for progress reports). */
    public long fedChars() {
        return fedBytes;
    }

    public int distinctWords() {
        return wordCounts.size();
    }

    /** Told how many merges are done out of how many wanted (for progress reports). */
    @FunctionalInterface
    public interface Progress {
        void merges(int done, int target);
    }

    /** Learns the merges; the result has the special tokens after the merged tokens. */
    public BpeTokenizer train() {
        return train((done, target) -> {});
    }

    /** As {@link #train()}, reporting progress every 100 merges and at the end. */
    public BpeTokenizer train(Progress progress) {
        // words[w] = current token ids of distinct word w; counts[w] = how often it occurs
        int nWords = wordCounts.size();
        int[][] words = new int[nWords][];
        long[] counts = new long[nWords];
        int w0 = 0;
        List<String> sorted = new ArrayList<>(wordCounts.keySet());
        sorted.sort(null); // a fixed word order keeps everything below deterministic
        for (String word : sorted) {
            byte[] b = word.getBytes(StandardCharsets.UTF_8);
            int[] ids = new int[b.length];
            for (int i = 0; i < b.length; i++) {
                ids[i] = b[i] & 0xFF;
            }
            words[w0] = ids;
            counts[w0] = wordCounts.get(word)[0];
            w0++;
        }

        List<String> tokens = new ArrayList<>(vocabSize);
        for (int b = 0; b < BYTE_TOKENS; b++) {
            tokens.add(String.valueOf(ByteLevel.charOf(b)));
        }
        Map<Long, long[]> pairCounts = new HashMap<>();
        Map<Long, Set<Integer>> pairWords = new HashMap<>();
        for (int w = 0; w < nWords; w++) {
            addPairs(words[w], counts[w], w, pairCounts, pairWords, null);
        }
        // max-heap of (count, pair); entries go stale when counts change and are skipped when popped
        PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        pairCounts.forEach((pair, c) -> heap.add(new long[] {c[0], pair}));

        List<String> merges = new ArrayList<>();
        int targetMerges = vocabSize - BYTE_TOKENS - SPECIAL_TOKENS;
        Set<Long> touched = new HashSet<>();
        while (merges.size() < targetMerges && !heap.isEmpty()) {
            long[] top = heap.poll();
            long pair = top[1];
            long[] current = pairCounts.get(pair);
            if (current == null || current[0] != top[0]) {
                continue; // stale
            }
            if (current[0] < minFrequency) {
                break;
            }
            int left = (int) (pair >>> 32);
            int right = (int) pair;
            int merged = tokens.size();
            tokens.add(tokens.get(left) + tokens.get(right));
            merges.add(tokens.get(left) + " " + tokens.get(right));
            touched.clear();
            Set<Integer> where = pairWords.remove(pair);
            for (int w : where) {
                int[] ids = words[w];
                int[] replaced = replacePair(ids, left, right, merged);
                if (replaced == ids) {
                    continue; // the word no longer holds the pair
                }
                removePairs(ids, counts[w], pairCounts, touched);
                words[w] = replaced;
                addPairs(replaced, counts[w], w, pairCounts, pairWords, touched);
            }
            pairCounts.remove(pair);
            if (merges.size() % 100 == 0) {
                progress.merges(merges.size(), targetMerges);
            }
            for (long p : touched) {
                long[] c = pairCounts.get(p);
                if (c != null && c[0] > 0 && p != pair) {
                    heap.add(new long[] {c[0], p});
                }
            }
        }

        progress.merges(merges.size(), targetMerges);
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int id = 0; id < tokens.size(); id++) {
            vocab.put(tokens.get(id), id);
        }
        return new BpeTokenizer(vocab, merges, List.of(), BpeTokenizer.Options.GPT2).withSpecialTokens();
    }

    /** {@code ids} with every non-overlapping (left, right), scanned left to right, replaced; same array if none. */
    private static int[] replacePair(int[] ids, int left, int right, int merged) {
        int[] out = null;
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i + 1 < ids.length && ids[i] == left && ids[i + 1] == right) {
                if (out == null) {
                    out = new int[ids.length - 1];
                    System.arraycopy(ids, 0, out, 0, i);
                    n = i;
                }
                out[n++] = merged;
                i++;
            } else if (out != null) {
                out[n++] = ids[i];
            }
        }
        return out == null ? ids : java.util.Arrays.copyOf(out, n);
    }

    private static void addPairs(int[] ids, long count, int w, Map<Long, long[]> pairCounts,
            Map<Long, Set<Integer>> pairWords, Set<Long> touched) {
        for (int i = 0; i + 1 < ids.length; i++) {
            long p = BpeTokenizer.pairKey(ids[i], ids[i + 1]);
            pairCounts.computeIfAbsent(p, k -> new long[1])[0] += count;
            pairWords.computeIfAbsent(p, k -> new HashSet<>()).add(w);
            if (touched != null) {
                touched.add(p);
            }
        }
    }

    private static void removePairs(int[] ids, long count, Map<Long, long[]> pairCounts, Set<Long> touched) {
        for (int i = 0; i + 1 < ids.length; i++) {
            long p = BpeTokenizer.pairKey(ids[i], ids[i + 1]);
            long[] c = pairCounts.get(p);
            c[0] -= count;
            touched.add(p);
        }
    }
}
