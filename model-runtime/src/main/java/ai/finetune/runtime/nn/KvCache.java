package ai.finetune.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * Keys and values of every layer for the positions already processed, so that each new token costs one position
 * instead of a pass over the whole sequence. Arrays are (B, nh, P, hs); P = {@link #length()}.
 * The cache owns its arrays: they are kept out of any {@link NDScope} and closed when replaced or on close.
 */
public final class KvCache implements AutoCloseable {
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    public KvCache(int layers) {
        keys = new NDArray[layers];
        values = new NDArray[layers];
    }

    /** Positions already cached (the next token's position index). */
    public int length() {
        return length;
    }

    NDArray keys(int layer) {
        return keys[layer];
    }

    NDArray values(int layer) {
        return values[layer];
    }

    /** Replaces layer {@code layer}'s arrays by the longer ones (B, nh, P + T, hs). */
    void put(int layer, NDArray k, NDArray v) {
        NDScope.unregister(k, v);
        if (keys[layer] != null) {
            keys[layer].close();
            values[layer].close();
        }
        keys[layer] = k;
        values[layer] = v;
    }

    /** Copies a one-row cache (1, nh, P, hs) to {@code n} rows (n, nh, P, hs): one prefill serves n samples. */
    public void repeatRows(int n) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && keys[i].getShape().get(0) == 1 && n > 1) {
                put(i, keys[i].repeat(0, n), values[i].repeat(0, n));
            }
        }
    }

    void advance(int tokens) {
        length += tokens;
    }

    @Override
    public void close() {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                keys[i].close();
                values[i].close();
                keys[i] = null;
                values[i] = null;
            }
        }
        length = 0;
    }
}
