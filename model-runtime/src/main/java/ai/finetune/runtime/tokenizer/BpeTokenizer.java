package ai.finetune.runtime.tokenizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Byte-level BPE as in GPT-2 and Hugging Face's {@code tokenizers}: text is first split on added tokens
 * (leftmost-longest), each remaining piece is cut into words by {@link PreTokenizer}, each word's UTF-8 bytes are
 * mapped to byte-level characters ({@link ByteLevel}) and merged pair by pair, always the adjacent pair of lowest
 * merge rank first (leftmost on ties). Immutable and thread-safe; encoded words are cached.
 *
 * <p>Ids: the model vocabulary (byte-level token strings) plus added tokens, whose ids usually follow it.
 * Adapting a tokenizer ({@link #withSpecialTokens()}, {@link #withWhitespaceTokens()}) only appends ids, so a
 * model's existing embedding rows keep their meaning.
 */
public final class BpeTokenizer implements Tokenizer {
    private static final int CACHE_LIMIT = 200_000;
    private static final int CACHED_WORD_LENGTH = 256;

    private final Map<String, Integer> modelVocab; // byte-level token -> id, in id order
    private final List<String> mergesInRankOrder; // "left right", as saved
    private final Map<Long, Long> merges; // (leftId << 32 | rightId) -> (rank << 32 | mergedId)
    private final int[] byteIds = new int[256];
    private final List<AddedToken> addedTokens;
    private final String[] idToText; // model tokens as byte-level strings, added tokens as their content
    private final boolean[] idIsAdded;
    private final Options options;
    private final Normalizer.Form normalForm; // null: no normalizer
    private final Pattern split; // null: no Split before ByteLevel
    private final AddedTokenSplitter plainPass1, plainPass2, specialPass1, specialPass2;
    private final Map<String, int[]> wordCache = new ConcurrentHashMap<>();

    /**
     * Normalizer, pre-tokenizer and model flags from a {@code tokenizer.json}; {@link #GPT2} is GPT-2's (and ours).
     *
     * @param normalizer null, or a Unicode normal form applied to text between added tokens: NFC, NFD, NFKC, NFKD
     *     (GPT-NeoX uses NFC)
     * @param splitRegex null, or the regex of a {@code Split} pre-tokenizer (behavior Isolated) that runs before
     *     ByteLevel, as in Llama 3 or Qwen 2 (which then set {@code useRegex} false)
     * @param addPrefixSpace ByteLevel: a space is prepended to each piece that does not start with one
     * @param useRegex ByteLevel: split with GPT-2's regex ({@link PreTokenizer})
     * @param ignoreMerges BPE: a word that is itself in the vocabulary is one token without merging
     */
    public record Options(String normalizer, String splitRegex, boolean addPrefixSpace, boolean useRegex,
            boolean ignoreMerges) {
        public static final Options GPT2 = new Options(null, null, false, true, false);

        public Options {
            if (normalizer != null && !List.of("NFC", "NFD", "NFKC", "NFKD").contains(normalizer)) {
                throw new IllegalArgumentException("normalizer " + normalizer + " is not supported (NFC, NFD, NFKC, NFKD)");
            }
        }
    }

    /**
     * @param modelVocab byte-level token to id; must hold all 256 single-byte tokens
     * @param merges "left right" pairs in rank order; both parts and their concatenation must be in the vocab
     * @param addedTokens matched before BPE; an added token may also appear in {@code modelVocab} with the same id
     */
    public BpeTokenizer(Map<String, Integer> modelVocab, List<String> merges, List<AddedToken> addedTokens,
            Options options) {
        this.modelVocab = Collections.unmodifiableMap(new LinkedHashMap<>(modelVocab));
        this.mergesInRankOrder = List.copyOf(merges);
        this.addedTokens = List.copyOf(addedTokens);
        this.options = options;
        this.normalForm = options.normalizer() == null ? null : Normalizer.Form.valueOf(options.normalizer());
        try {
            this.split = options.splitRegex() == null ? null
                    : Pattern.compile(options.splitRegex(), Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Split pre-tokenizer regex is not valid here: " + e.getDescription(), e);
        }
        int size = 0;
        for (int id : modelVocab.values()) {
            if (id < 0) {
                throw new IllegalArgumentException("negative token id " + id + " in vocabulary");
            }
            size = Math.max(size, id + 1);
        }
        for (AddedToken t : addedTokens) {
            size = Math.max(size, t.id() + 1);
        }
        idToText = new String[size];
        idIsAdded = new boolean[size];
        modelVocab.forEach((token, id) -> idToText[id] = token);
        for (AddedToken t : addedTokens) {
            Integer inModel = modelVocab.get(t.content());
            if (inModel != null && inModel != t.id()) {
                throw new IllegalArgumentException("added token '" + t.content() + "' has id " + t.id()
                        + " but the vocabulary gives it id " + inModel);
            }
            if (idToText[t.id()] != null && inModel == null) {
                throw new IllegalArgumentException("added token '" + t.content() + "' reuses id " + t.id()
                        + " of vocabulary token '" + idToText[t.id()] + "'");
            }
            idToText[t.id()] = t.content();
            idIsAdded[t.id()] = true;
        }
        for (int b = 0; b < 256; b++) {
            Integer id = modelVocab.get(String.valueOf(ByteLevel.charOf(b)));
            if (id == null) {
                throw new IllegalArgumentException("vocabulary lacks the byte-level token for byte " + b
                        + " ('" + ByteLevel.charOf(b) + "'): not a byte-level BPE vocabulary");
            }
            byteIds[b] = id;
        }
        this.merges = new HashMap<>(merges.size() * 2);
        for (int rank = 0; rank < merges.size(); rank++) {
            String m = merges.get(rank);
            int sp = m.indexOf(' ');
            if (sp <= 0 || sp == m.length() - 1 || m.indexOf(' ', sp + 1) >= 0) {
                throw new IllegalArgumentException("merge " + rank + " '" + m + "' is not two tokens separated by one space");
            }
            String left = m.substring(0, sp);
            String right = m.substring(sp + 1);
            Integer l = modelVocab.get(left);
            Integer r = modelVocab.get(right);
            Integer merged = modelVocab.get(left + right);
            if (l == null || r == null || merged == null) {
                throw new IllegalArgumentException("merge " + rank + " '" + m + "' uses a token missing from the vocabulary");
            }
            this.merges.putIfAbsent(pairKey(l, r), ((long) rank << 32) | merged);
        }
        List<AddedToken> plainRaw = new ArrayList<>(), plainNorm = new ArrayList<>();
        List<AddedToken> allRaw = new ArrayList<>(), allNorm = new ArrayList<>();
        for (AddedToken t : addedTokens) {
            (t.normalized() ? allNorm : allRaw).add(t);
            if (!t.special()) {
                (t.normalized() ? plainNorm : plainRaw).add(t);
            }
        }
        plainPass1 = new AddedTokenSplitter(plainRaw);
        plainPass2 = new AddedTokenSplitter(plainNorm);
        specialPass1 = new AddedTokenSplitter(allRaw);
        specialPass2 = new AddedTokenSplitter(allNorm);
    }

    /** Loads any byte-level BPE {@code tokenizer.json} (GPT-2's own, or one saved by {@link #save}). */
    public static BpeTokenizer load(Path tokenizerJson) throws IOException {
        return TokenizerJson.read(tokenizerJson);
    }

    @Override
    public void save(Path tokenizerJson) throws IOException {
        TokenizerJson.write(this, tokenizerJson);
    }

    /** Token ids of {@code text}; special-token strings are treated as plain text, whitespace tokens match. */
    @Override
    public int[] encode(String text) {
        return encode(text, plainPass1, plainPass2);
    }

    /**
     * Token ids of {@code text} where special-token strings in the text become their ids: exactly what Hugging
     * Face's tokenizer does with the saved {@code tokenizer.json} (without post-processing).
     */
    public int[] encodeWithSpecialTokens(String text) {
        return encode(text, specialPass1, specialPass2);
    }

    private int[] encode(String text, AddedTokenSplitter pass1, AddedTokenSplitter pass2) {
        IntList out = new IntList(text.length() / 3 + 8);
        pass1.split(text, new AddedTokenSplitter.Sink() {
            @Override
            public void text(String piece) {
                // as in Hugging Face: raw added tokens, then the normalizer, then normalized added tokens
                String normalized = normalForm == null ? piece : Normalizer.normalize(piece, normalForm);
                pass2.split(normalized, new AddedTokenSplitter.Sink() {
                    @Override
                    public void text(String p) {
                        encodeOrdinary(p, out);
                    }

                    @Override
                    public void token(int id) {
                        out.add(id);
                    }
                });
            }

            @Override
            public void token(int id) {
                out.add(id);
            }
        });
        return out.toArray();
    }

    /** Pre-tokenization and BPE over a piece of text that holds no added token. */
    private void encodeOrdinary(String piece, IntList out) {
        if (split == null) {
            encodeByteLevel(piece, out);
            return;
        }
        // Split with behavior Isolated: each match is a piece, and so is each non-empty gap between matches
        Matcher m = split.matcher(piece);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                encodeByteLevel(piece.substring(last, m.start()), out);
            }
            if (m.end() > m.start()) {
                encodeByteLevel(m.group(), out);
            }
            last = m.end();
        }
        if (last < piece.length()) {
            encodeByteLevel(piece.substring(last), out);
        }
    }

    /** Hugging Face's ByteLevel pre-tokenizer on one piece, then BPE on each word. */
    private void encodeByteLevel(String piece, IntList out) {
        if (options.addPrefixSpace() && !piece.startsWith(" ")) {
            piece = " " + piece;
        }
        if (options.useRegex()) {
            PreTokenizer.split(piece, word -> out.addAll(encodeWord(word)));
        } else {
            out.addAll(encodeWord(piece));
        }
    }

    private int[] encodeWord(String word) {
        int[] cached = wordCache.get(word);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        int[] ids;
        Integer whole = options.ignoreMerges() ? modelVocab.get(ByteLevel.encode(bytes)) : null;
        if (whole != null) {
            ids = new int[] {whole};
        } else {
            ids = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                ids[i] = byteIds[bytes[i] & 0xFF];
            }
            ids = applyMerges(ids);
        }
        if (word.length() <= CACHED_WORD_LENGTH) { // long words are rare and would fill memory
            if (wordCache.size() >= CACHE_LIMIT) {
                wordCache.clear();
            }
            wordCache.put(word, ids);
        }
        return ids;
    }

    /** Words longer than this are merged with a heap: the simple scan is quadratic in the word's length. */
    static final int LONG_WORD = 64;

    /** Repeatedly merges the adjacent pair of lowest rank (leftmost on ties) until no pair has a merge. */
    int[] applyMerges(int[] ids) {
        return ids.length > LONG_WORD ? applyMergesWithHeap(ids) : applyMergesByScan(ids);
    }

    int[] applyMergesByScan(int[] ids) {
        int n = ids.length;
        while (n > 1) {
            long best = Long.MAX_VALUE;
            int bestPos = -1;
            for (int i = 0; i + 1 < n; i++) {
                Long m = merges.get(pairKey(ids[i], ids[i + 1]));
                if (m != null && m < best) {
                    best = m;
                    bestPos = i;
                }
            }
            if (bestPos < 0) {
                break;
            }
            ids[bestPos] = (int) best; // low 32 bits: the merged id
            System.arraycopy(ids, bestPos + 2, ids, bestPos + 1, n - bestPos - 2);
            n--;
        }
        return n == ids.length ? ids : Arrays.copyOf(ids, n);
    }

    /**
     * The same merges in O(n log n), as Hugging Face does it: symbols in a linked list, candidate pairs in a heap
     * keyed by (rank, position of the left symbol); an entry whose pair has since changed is skipped when popped.
     */
    int[] applyMergesWithHeap(int[] ids) {
        int n = ids.length;
        int[] sym = ids.clone();
        int[] prev = new int[n];
        int[] next = new int[n]; // n: none
        boolean[] gone = new boolean[n];
        PriorityQueue<Long> heap = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            prev[i] = i - 1;
            next[i] = i + 1;
        }
        for (int i = 0; i + 1 < n; i++) {
            pushPair(heap, sym, i, i + 1);
        }
        while (!heap.isEmpty()) {
            long top = heap.poll();
            int pos = (int) top;
            int rank = (int) (top >>> 32);
            int right = next[pos];
            if (gone[pos] || right >= n) {
                continue;
            }
            Long m = merges.get(pairKey(sym[pos], sym[right]));
            if (m == null || (int) (m >>> 32) != rank) {
                continue; // stale: ranks are unique per pair, so another rank means another pair
            }
            sym[pos] = (int) (long) m;
            gone[right] = true;
            next[pos] = next[right];
            if (next[pos] < n) {
                prev[next[pos]] = pos;
            }
            if (prev[pos] >= 0) {
                pushPair(heap, sym, prev[pos], pos);
            }
            if (next[pos] < n) {
                pushPair(heap, sym, pos, next[pos]);
            }
        }
        IntList out = new IntList(n);
        for (int i = 0; i < n; i = next[i]) {
            out.add(sym[i]);
        }
        return out.toArray();
    }

    private void pushPair(PriorityQueue<Long> heap, int[] sym, int left, int right) {
        Long m = merges.get(pairKey(sym[left], sym[right]));
        if (m != null) {
            heap.add((m >>> 32) << 32 | left); // (rank, position): lowest rank first, leftmost on ties
        }
    }

    static long pairKey(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    /**
     * Text of {@code ids}: byte-level tokens become their bytes, added tokens their content; the bytes are read as
     * UTF-8 with invalid sequences replaced (as Hugging Face's ByteLevel decoder does).
     */
    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        for (int id : ids) {
            if (id < 0 || id >= idToText.length || idToText[id] == null) {
                throw new IllegalArgumentException("token id " + id + " is not in the vocabulary (size " + vocabSize() + ")");
            }
            String text = idToText[id];
            byte[] b = idIsAdded[id] ? null : ByteLevel.decode(text);
            bytes.writeBytes(b != null ? b : text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int vocabSize() {
        return idToText.length;
    }

    /** Id of a token given as its vocabulary string (byte-level form) or added-token content; -1 if absent. */
    public int id(String token) {
        for (AddedToken t : addedTokens) {
            if (t.content().equals(token)) {
                return t.id();
            }
        }
        Integer id = modelVocab.get(token);
        return id == null ? -1 : id;
    }

    /** The vocabulary string of {@code id} (byte-level form for BPE tokens). */
    public String token(int id) {
        return idToText[id];
    }

    @Override
    public int endOfTextId() {
        return requiredId(END_OF_TEXT);
    }

    @Override
    public int responseId() {
        return requiredId(RESPONSE);
    }

    private int requiredId(String special) {
        int id = id(special);
        if (id < 0) {
            throw new IllegalStateException("tokenizer has no " + special
                    + " token; adapt it first (tokenizer-adapt, or BpeTokenizer.withSpecialTokens())");
        }
        return id;
    }

    /** A copy with {@link #END_OF_TEXT} and {@link #RESPONSE} as special tokens, appended where missing. */
    public BpeTokenizer withSpecialTokens() {
        return withAddedTokens(List.of(END_OF_TEXT, RESPONSE), true);
    }

    /** A copy with Codex's whitespace-run tokens ({@link WhitespaceTokens#DEFAULT}) appended where missing. */
    public BpeTokenizer withWhitespaceTokens() {
        return withAddedTokens(WhitespaceTokens.DEFAULT, false);
    }

    /**
     * A copy with {@code contents} as added tokens; those already present keep their ids, the others get new ids
     * after the current vocabulary, in the given order.
     */
    public BpeTokenizer withAddedTokens(List<String> contents, boolean special) {
        List<AddedToken> added = new ArrayList<>(addedTokens);
        int next = vocabSize();
        for (String c : contents) {
            if (added.stream().anyMatch(t -> t.content().equals(c))) {
                continue;
            }
            Integer inModel = modelVocab.get(c); // e.g. a vocabulary that lists <|endoftext|> but not as added
            added.add(new AddedToken(inModel != null ? inModel : next++, c, special, false));
        }
        return new BpeTokenizer(modelVocab, mergesInRankOrder, added, options);
    }

    /** Byte-level token string to id, as saved in {@code model.vocab}. */
    public Map<String, Integer> modelVocab() {
        return modelVocab;
    }

    /** Merges as "left right" strings in rank order. */
    public List<String> merges() {
        return mergesInRankOrder;
    }

    public List<AddedToken> addedTokens() {
        return addedTokens;
    }

    public Options options() {
        return options;
    }
}
