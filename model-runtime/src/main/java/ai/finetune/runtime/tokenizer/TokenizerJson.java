package ai.finetune.runtime.tokenizer;

import ai.finetune.runtime.data.AtomicFiles;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes Hugging Face's {@code tokenizer.json} for byte-level BPE: {@code model} of type BPE with
 * {@code vocab} and {@code merges}, ByteLevel pre-tokenizer, post-processor and decoder, no normalizer, and
 * {@code added_tokens}. Added tokens are also written into {@code model.vocab} with their ids (as GPT-2's file does
 * for {@code <|endoftext|>}), so the Rust library takes their ids from the vocabulary rather than from the order in
 * which it registers them.
 */
final class TokenizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    static BpeTokenizer read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + ": tokenizer file not found");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static BpeTokenizer parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a tokenizer.json (top level is not an object)");
        }
        JsonNode model = root.path("model");
        if (!model.isObject()) {
            throw new IllegalArgumentException("no 'model' object");
        }
        String type = model.path("type").asText("BPE");
        if (!type.equals("BPE")) {
            throw new IllegalArgumentException("model type '" + type + "' is not supported; expected BPE");
        }
        String normalizer = normalizer(root.path("normalizer"));
        JsonNode pre = root.path("pre_tokenizer");
        String splitRegex = null;
        if (pre.path("type").asText("").equals("Sequence")) {
            // Llama 3 / Qwen 2 style: [Split(regex, Isolated), ByteLevel(use_regex=false)]
            JsonNode steps = pre.path("pretokenizers");
            if (steps.size() != 2 || !steps.get(0).path("type").asText("").equals("Split")
                    || !steps.get(1).path("type").asText("").equals("ByteLevel")) {
                throw new IllegalArgumentException("pre_tokenizer Sequence is supported only as [Split, ByteLevel]");
            }
            splitRegex = splitRegex(steps.get(0));
            pre = steps.get(1);
        }
        if (!pre.path("type").asText("").equals("ByteLevel")) {
            throw new IllegalArgumentException("pre_tokenizer " + (pre.isObject() ? pre.path("type").asText("?") : "null")
                    + " is not supported; expected ByteLevel (a byte-level BPE)");
        }
        requireEmpty(model, "continuing_subword_prefix");
        requireEmpty(model, "end_of_word_suffix");
        if (model.path("dropout").isNumber() && model.get("dropout").asDouble() > 0) {
            throw new IllegalArgumentException("BPE dropout is not supported (it makes encoding random)");
        }
        if (model.path("byte_fallback").asBoolean(false)) {
            throw new IllegalArgumentException("byte_fallback is not supported (not a byte-level vocabulary)");
        }
        BpeTokenizer.Options options = new BpeTokenizer.Options(normalizer, splitRegex,
                pre.path("add_prefix_space").asBoolean(false),
                pre.path("use_regex").asBoolean(true),
                model.path("ignore_merges").asBoolean(false));

        JsonNode vocabNode = model.path("vocab");
        if (!vocabNode.isObject()) {
            throw new IllegalArgumentException("model.vocab is not an object");
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("model.vocab['" + e.getKey() + "'] is not an integer id");
            }
            vocab.put(e.getKey(), e.getValue().intValue());
        }
        List<String> merges = new ArrayList<>();
        JsonNode mergesNode = model.path("merges");
        if (!mergesNode.isArray()) {
            throw new IllegalArgumentException("model.merges is not an array");
        }
        for (int i = 0; i < mergesNode.size(); i++) {
            JsonNode m = mergesNode.get(i);
            if (m.isTextual()) {
                merges.add(m.asText()); // older format: "left right"
            } else if (m.isArray() && m.size() == 2 && m.get(0).isTextual() && m.get(1).isTextual()) {
                merges.add(m.get(0).asText() + " " + m.get(1).asText()); // tokenizers >= 0.20: ["left", "right"]
            } else {
                throw new IllegalArgumentException("model.merges[" + i + "] is neither \"a b\" nor [\"a\", \"b\"]");
            }
        }
        List<AddedToken> added = new ArrayList<>();
        JsonNode addedNode = root.path("added_tokens");
        for (int i = 0; i < addedNode.size(); i++) {
            JsonNode t = addedNode.get(i);
            String where = "added_tokens[" + i + "]";
            if (!t.path("id").canConvertToInt() || !t.path("content").isTextual()) {
                throw new IllegalArgumentException(where + " lacks an integer 'id' or a string 'content'");
            }
            for (String flag : List.of("single_word", "lstrip", "rstrip")) {
                if (t.path(flag).asBoolean(false)) {
                    throw new IllegalArgumentException(where + " ('" + t.get("content").asText() + "') sets " + flag
                            + ", which is not supported");
                }
            }
            added.add(new AddedToken(t.get("id").intValue(), t.get("content").asText(),
                    t.path("special").asBoolean(false), t.path("normalized").asBoolean(false)));
        }
        return new BpeTokenizer(vocab, merges, added, options);
    }

    /** null for no normalizer; a Unicode normal form, alone or as the only member of a Sequence. */
    private static String normalizer(JsonNode n) {
        if (n.isNull() || n.isMissingNode()) {
            return null;
        }
        String type = n.path("type").asText("?");
        if (type.equals("Sequence")) {
            JsonNode list = n.path("normalizers");
            if (list.size() == 0) {
                return null;
            }
            if (list.size() == 1) {
                return normalizer(list.get(0));
            }
        } else if (List.of("NFC", "NFD", "NFKC", "NFKD").contains(type)) {
            return type;
        }
        throw new IllegalArgumentException("normalizer " + type + " is not supported (only NFC, NFD, NFKC, NFKD)");
    }

    private static String splitRegex(JsonNode split) {
        if (!split.path("behavior").asText("").equals("Isolated") || split.path("invert").asBoolean(false)) {
            throw new IllegalArgumentException("Split pre-tokenizer is supported only with behavior Isolated, invert false");
        }
        JsonNode pattern = split.path("pattern");
        if (pattern.path("Regex").isTextual()) {
            return pattern.get("Regex").asText();
        }
        if (pattern.path("String").isTextual()) {
            return escapeLiteral(pattern.get("String").asText());
        }
        throw new IllegalArgumentException("Split pre-tokenizer has no Regex or String pattern");
    }

    /** A regex matching {@code literal}, escaped so that Java and Oniguruma (the Rust library's engine) agree. */
    static String escapeLiteral(String literal) {
        StringBuilder sb = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\^$.|?*+()[]{}-/#&~<>=!:,'\"%@`;".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static void requireEmpty(JsonNode model, String field) {
        JsonNode v = model.path(field);
        if (v.isTextual() && !v.asText().isEmpty()) {
            throw new IllegalArgumentException("model." + field + " '" + v.asText() + "' is not supported");
        }
    }

    static void write(BpeTokenizer tokenizer, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("version", "1.0");
                g.writeNullField("truncation");
                g.writeNullField("padding");
                g.writeArrayFieldStart("added_tokens");
                List<AddedToken> added = new ArrayList<>(tokenizer.addedTokens());
                added.sort(Comparator.comparingInt(AddedToken::id));
                for (AddedToken t : added) {
                    g.writeStartObject();
                    g.writeNumberField("id", t.id());
                    g.writeStringField("content", t.content());
                    g.writeBooleanField("single_word", false);
                    g.writeBooleanField("lstrip", false);
                    g.writeBooleanField("rstrip", false);
                    g.writeBooleanField("normalized", t.normalized());
                    g.writeBooleanField("special", t.special());
                    g.writeEndObject();
                }
                g.writeEndArray();
                BpeTokenizer.Options o = tokenizer.options();
                if (o.normalizer() == null) {
                    g.writeNullField("normalizer");
                } else {
                    g.writeObjectFieldStart("normalizer");
                    g.writeStringField("type", o.normalizer());
                    g.writeEndObject();
                }
                if (o.splitRegex() == null) {
                    writeByteLevel(g, "pre_tokenizer", o.addPrefixSpace(), true, o.useRegex());
                } else {
                    g.writeObjectFieldStart("pre_tokenizer");
                    g.writeStringField("type", "Sequence");
                    g.writeArrayFieldStart("pretokenizers");
                    g.writeStartObject();
                    g.writeStringField("type", "Split");
                    g.writeObjectFieldStart("pattern");
                    g.writeStringField("Regex", o.splitRegex());
                    g.writeEndObject();
                    g.writeStringField("behavior", "Isolated");
                    g.writeBooleanField("invert", false);
                    g.writeEndObject();
                    writeByteLevel(g, null, o.addPrefixSpace(), true, o.useRegex());
                    g.writeEndArray();
                    g.writeEndObject();
                }
                writeByteLevel(g, "post_processor", o.addPrefixSpace(), false, o.useRegex());
                writeByteLevel(g, "decoder", o.addPrefixSpace(), true, o.useRegex());
                g.writeObjectFieldStart("model");
                g.writeStringField("type", "BPE");
                g.writeNullField("dropout");
                g.writeNullField("unk_token");
                g.writeStringField("continuing_subword_prefix", "");
                g.writeStringField("end_of_word_suffix", "");
                g.writeBooleanField("fuse_unk", false);
                g.writeBooleanField("byte_fallback", false);
                g.writeBooleanField("ignore_merges", o.ignoreMerges());
                g.writeObjectFieldStart("vocab");
                Map<String, Integer> vocab = new LinkedHashMap<>(tokenizer.modelVocab());
                for (AddedToken t : added) {
                    vocab.putIfAbsent(t.content(), t.id());
                }
                List<Map.Entry<String, Integer>> entries = new ArrayList<>(vocab.entrySet());
                entries.sort(Map.Entry.comparingByValue());
                for (Map.Entry<String, Integer> e : entries) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeArrayFieldStart("merges");
                for (String m : tokenizer.merges()) {
                    g.writeString(m);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
        });
    }

    private static void writeByteLevel(JsonGenerator g, String field, boolean addPrefixSpace, boolean trimOffsets,
            boolean useRegex) throws IOException {
        if (field == null) {
            g.writeStartObject(); // inside an array
        } else {
            g.writeObjectFieldStart(field);
        }
        g.writeStringField("type", "ByteLevel");
        g.writeBooleanField("add_prefix_space", addPrefixSpace);
        g.writeBooleanField("trim_offsets", trimOffsets);
        g.writeBooleanField("use_regex", useRegex);
        g.writeEndObject();
    }

    private TokenizerJson() {}
}
