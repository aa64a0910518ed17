package ai.finetune.runtime.tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits text on a set of added tokens with leftmost-longest matching, which is what Hugging Face's
 * Aho-Corasick matcher ({@code MatchKind::LeftmostLongest}) does: at the first position where any token
 * matches, the longest matching token wins; scanning continues after it.
 */
final class AddedTokenSplitter {
    interface Sink {
        /** A piece of text between added tokens (never empty). */
        void text(String piece);

        void token(int id);
    }

    /** Candidates by first character, longest first. */
    private final Map<Character, AddedToken[]> byFirstChar = new HashMap<>();

    AddedTokenSplitter(List<AddedToken> tokens) {
        Map<Character, List<AddedToken>> lists = new HashMap<>();
        for (AddedToken t : tokens) {
            lists.computeIfAbsent(t.content().charAt(0), c -> new ArrayList<>()).add(t);
        }
        lists.forEach((c, list) -> {
            list.sort(Comparator.comparingInt((AddedToken t) -> t.content().length()).reversed());
            byFirstChar.put(c, list.toArray(new AddedToken[0]));
        });
    }

    boolean isEmpty() {
        return byFirstChar.isEmpty();
    }

    void split(String text, Sink sink) {
        if (byFirstChar.isEmpty()) {
            if (!text.isEmpty()) {
                sink.text(text);
            }
            return;
        }
        int start = 0;
        int i = 0;
        int n = text.length();
        outer:
        while (i < n) {
            AddedToken[] candidates = byFirstChar.get(text.charAt(i));
            if (candidates != null) {
                for (AddedToken t : candidates) {
                    if (text.startsWith(t.content(), i)) {
                        if (i > start) {
                            sink.text(text.substring(start, i));
                        }
                        sink.token(t.id());
                        i += t.content().length();
                        start = i;
                        continue outer;
                    }
                }
            }
            i++;
        }
        if (start < n) {
            sink.text(text.substring(start));
        }
    }
}
