package ai.finetune.runtime.tokenizer;

import java.util.Arrays;

/** A growable list of ints without boxing (token ids of a long text). */
final class IntList {
    private int[] data;
    private int size;

    IntList(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    void addAll(int[] vs) {
        if (size + vs.length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + vs.length));
        }
        System.arraycopy(vs, 0, data, size, vs.length);
        size += vs.length;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
