package ai.finetune.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors file format (Hugging Face), small enough to implement here: an 8-byte little-endian header
 * length N, N bytes of JSON {@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
 * "__metadata__": {..}}}, then the raw little-endian tensor bytes. Reads F32, F16, BF16 (as float); writes F32.
 */
public final class SafeTensors {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tensor as a flat float array in row-major order. */
    public record Tensor(long[] shape, float[] data) {
        public Tensor {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("tensor shape " + java.util.Arrays.toString(shape)
                        + " holds " + n + " values, data has " + data.length);
            }
        }
    }

    /** Reads every tensor of {@code file}, in file order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new IOException(file + ": not a safetensors file (" + size + " bytes)");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen <= 0 || headerLen > Math.min(size - 8, 100_000_000L)) {
                throw new IOException(file + ": bad safetensors header length " + headerLen);
            }
            ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
            readFully(ch, headerBuf, 8);
            JsonNode header = JSON.readTree(new String(headerBuf.array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerLen;
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                String name = e.getKey();
                JsonNode t = e.getValue();
                String dtype = t.path("dtype").asText();
                JsonNode shapeNode = t.path("shape");
                long[] shape = new long[shapeNode.size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeNode.get(i).asLong();
                    count *= shape[i];
                }
                long begin = t.path("data_offsets").path(0).asLong(-1);
                long end = t.path("data_offsets").path(1).asLong(-1);
                int width = switch (dtype) {
                    case "F32" -> 4;
                    case "F16", "BF16" -> 2;
                    default -> throw new IOException(file + ": tensor " + name + " has dtype " + dtype
                            + "; only F32, F16 and BF16 are supported");
                };
                if (begin < 0 || end - begin != count * width || dataStart + end > size) {
                    throw new IOException(file + ": tensor " + name + " has bad data_offsets [" + begin + ", " + end
                            + "] for shape " + shapeNode + " and dtype " + dtype);
                }
                ByteBuffer buf = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, buf, dataStart + begin);
                buf.flip();
                float[] data = new float[(int) count];
                switch (dtype) {
                    case "F32" -> buf.asFloatBuffer().get(data);
                    case "F16" -> {
                        for (int i = 0; i < data.length; i++) {
                            data[i] = halfToFloat(buf.getShort());
                        }
                    }
                    default -> {
                        for (int i = 0; i < data.length; i++) {
                            data[i] = Float.intBitsToFloat((buf.getShort() & 0xffff) << 16);
                        }
                    }
                }
                out.put(name, new Tensor(shape, data));
            }
            return out;
        }
    }

    /** Writes {@code tensors} as F32 to {@code file} atomically (temp file in the same folder, then rename). */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            long bytes = 4L * e.getValue().data().length;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerBytes = JSON.writeValueAsBytes(header);
        // pad the header with spaces to a multiple of 8 so the tensor data is aligned (the reference writer does)
        int padded = (headerBytes.length + 7) / 8 * 8;
        byte[] h = new byte[padded];
        java.util.Arrays.fill(h, (byte) ' ');
        System.arraycopy(headerBytes, 0, h, 0, headerBytes.length);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(h);
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                for (float f : t.data()) {
                    if (chunk.remaining() < 4) {
                        out.write(chunk.array(), 0, chunk.position());
                        chunk.clear();
                    }
                    chunk.putFloat(f);
                }
            }
            out.write(chunk.array(), 0, chunk.position());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** IEEE 754 binary16 to float (Float.float16ToFloat arrived only in Java 20). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) { // inf or NaN
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) { // zero or subnormal: mant * 2^-24
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of safetensors file");
            }
            pos += n;
        }
    }

    private SafeTensors() {}
}
