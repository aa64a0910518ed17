package ai.finetune.runtime.hf;

import ai.finetune.runtime.checkpoint.SafeTensors;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.nn.GptModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hugging Face GPT-2 checkpoints ({@code config.json} + {@code model.safetensors}) to and from this project's
 * tensors. GPT-2 names its tensors {@code [transformer.]wte.weight, wpe.weight, h.N.ln_1, h.N.attn.c_attn,
 * h.N.attn.c_proj, h.N.ln_2, h.N.mlp.c_fc, h.N.mlp.c_proj, ln_f}; its Conv1D layers store weights as (in, out),
 * the transpose of the (out, in) Linear layout used here. The original upload has no {@code transformer.}
 * prefix and carries {@code h.N.attn.bias} causal-mask buffers (ignored); a saved GPT2LMHeadModel has the prefix
 * and may carry {@code lm_head.weight}, which must equal the tied {@code wte.weight}.
 */
public final class Gpt2Checkpoint {
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.safetensors";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] CONV1D = {"attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj"};

    /** A GPT-2 checkpoint read into GptModel's names and layout. */
    public record Imported(GptConfig config, Map<String, SafeTensors.Tensor> tensors) {}

    /** Reads {@code dir/config.json} and {@code dir/model.safetensors}. */
    public static Imported read(Path dir) throws IOException {
        Path configFile = dir.resolve(CONFIG);
        Path weightsFile = dir.resolve(WEIGHTS);
        for (Path p : new Path[] {configFile, weightsFile}) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p + ": missing (a GPT-2 checkpoint folder holds " + CONFIG + " and "
                        + WEIGHTS + ")");
            }
        }
        JsonNode c = JSON.readTree(configFile.toFile());
        String type = c.path("model_type").asText("gpt2");
        if (!type.equals("gpt2")) {
            throw new IOException(configFile + ": model_type is " + type + ", only gpt2 is supported");
        }
        double eps = c.path("layer_norm_epsilon").asDouble(1e-5);
        if (Math.abs(eps - 1e-5) > 1e-12) {
            throw new IOException(configFile + ": layer_norm_epsilon " + eps + " is not supported (only 1e-5)");
        }
        if (!c.path("n_inner").isMissingNode() && !c.path("n_inner").isNull()
                && c.path("n_inner").asInt() != 4 * c.path("n_embd").asInt()) {
            throw new IOException(configFile + ": n_inner other than 4 * n_embd is not supported");
        }
        String act = c.path("activation_function").asText(GptConfig.GELU_TANH);
        if (!act.equals(GptConfig.GELU_TANH) && !act.equals(GptConfig.GELU)) {
            throw new IOException(configFile + ": activation_function " + act + " is not supported");
        }
        GptConfig config;
        try {
            config = new GptConfig(field(c, configFile, "vocab_size"),
                    c.has("n_positions") ? field(c, configFile, "n_positions") : field(c, configFile, "n_ctx"),
                    field(c, configFile, "n_layer"), field(c, configFile, "n_head"), field(c, configFile, "n_embd"),
                    c.path("resid_pdrop").asDouble(0.0), act);
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
        Map<String, SafeTensors.Tensor> raw = SafeTensors.read(weightsFile);
        Map<String, SafeTensors.Tensor> out = new LinkedHashMap<>();
        SafeTensors.Tensor lmHead = null;
        for (Map.Entry<String, SafeTensors.Tensor> e : raw.entrySet()) {
            String name = e.getKey().startsWith("transformer.") ? e.getKey().substring("transformer.".length())
                    : e.getKey();
            if (name.endsWith(".attn.bias") || name.endsWith(".attn.masked_bias")) {
                continue; // causal-mask buffers, not parameters
            }
            if (name.equals("lm_head.weight")) {
                lmHead = e.getValue();
                continue;
            }
            SafeTensors.Tensor t = e.getValue();
            String ours = switch (name) {
                case "wte.weight" -> "wte";
                case "wpe.weight" -> "wpe";
                default -> name;
            };
            if (isConv1DWeight(name)) {
                t = transpose(t, weightsFile + " " + e.getKey());
            }
            out.put(ours, t);
        }
        if (lmHead != null && out.containsKey("wte") && !Arrays.equals(lmHead.data(), out.get("wte").data())) {
            throw new IOException(weightsFile + ": lm_head.weight differs from wte.weight; only tied heads are "
                    + "supported");
        }
        Map<String, long[]> expected = GptModel.shapes(config);
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            SafeTensors.Tensor t = out.get(e.getKey());
            if (t == null) {
                throw new IOException(weightsFile + ": missing tensor for " + e.getKey());
            }
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IOException(weightsFile + ": tensor " + e.getKey() + " has shape "
                        + Arrays.toString(t.shape()) + " (after Conv1D transpose), config.json implies "
                        + Arrays.toString(e.getValue()));
            }
        }
        for (String name : out.keySet()) {
            if (!expected.containsKey(name)) {
                throw new IOException(weightsFile + ": unexpected tensor " + name);
            }
        }
        return new Imported(config, out);
    }

    /** Writes {@code tensors} (GptModel layout) as a Hugging Face GPT2LMHeadModel checkpoint into {@code dir}. */
    public static void write(Path dir, GptConfig config, Map<String, SafeTensors.Tensor> tensors, int bosEosId)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, SafeTensors.Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, SafeTensors.Tensor> e : tensors.entrySet()) {
            String name = switch (e.getKey()) {
                case "wte" -> "wte.weight";
                case "wpe" -> "wpe.weight";
                default -> e.getKey();
            };
            SafeTensors.Tensor t = isConv1DWeight(name) ? transpose(e.getValue(), name) : e.getValue();
            out.put("transformer." + name, t);
        }
        ObjectNode c = JSON.createObjectNode();
        c.putArray("architectures").add("GPT2LMHeadModel");
        c.put("model_type", "gpt2");
        c.put("vocab_size", config.vocabSize());
        c.put("n_positions", config.context());
        c.put("n_ctx", config.context());
        c.put("n_embd", config.width());
        c.put("n_layer", config.layers());
        c.put("n_head", config.heads());
        c.putNull("n_inner");
        c.put("activation_function", config.activation());
        c.put("resid_pdrop", config.dropout());
        c.put("embd_pdrop", config.dropout());
        c.put("attn_pdrop", config.dropout());
        c.put("layer_norm_epsilon", 1e-5);
        c.put("initializer_range", 0.02);
        c.put("bos_token_id", bosEosId);
        c.put("eos_token_id", bosEosId);
        c.put("tie_word_embeddings", true);
        SafeTensors.write(dir.resolve(WEIGHTS), out, Map.of("format", "pt"));
        Path tmp = dir.resolve(CONFIG + ".tmp");
        JSON.writeValue(tmp.toFile(), c);
        Files.move(tmp, dir.resolve(CONFIG), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isConv1DWeight(String name) {
        for (String s : CONV1D) {
            if (name.endsWith(s + ".weight")) {
                return true;
            }
        }
        return false;
    }

    /** (rows, cols) -> (cols, rows). */
    static SafeTensors.Tensor transpose(SafeTensors.Tensor t, String what) throws IOException {
        if (t.shape().length != 2) {
            throw new IOException(what + ": expected a matrix, got shape " + Arrays.toString(t.shape()));
        }
        int rows = (int) t.shape()[0];
        int cols = (int) t.shape()[1];
        float[] src = t.data();
        float[] dst = new float[src.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[r * cols + c];
            }
        }
        return new SafeTensors.Tensor(new long[] {cols, rows}, dst);
    }

    private static int field(JsonNode c, Path file, String name) throws IOException {
        JsonNode v = c.get(name);
        if (v == null || !v.canConvertToInt()) {
            throw new IOException(file + ": missing integer field " + name);
        }
        return v.asInt();
    }

    private Gpt2Checkpoint() {}
}
