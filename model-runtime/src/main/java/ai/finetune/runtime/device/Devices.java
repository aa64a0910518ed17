package ai.finetune.runtime.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Where the model runs. CPU by default; {@code --device=gpu} (or {@code gpu:N}) uses CUDA through DJL's PyTorch
 * engine when a CUDA libtorch is present. Maven Central has no CUDA build of libtorch 2.7.1, so on a GPU host
 * install libtorch 2.7.1 + CUDA 12.8 and start the JVM with
 * {@code PYTORCH_LIBRARY_PATH=<dir with libtorch*.so> PYTORCH_FLAVOR=cu128 PYTORCH_VERSION=2.7.1}
 * (pytorch-jni 2.7.1-0.36.0 carries the JNI library for cpu and cu128). Nothing is downloaded at run time.
 */
public final class Devices {
    /** Parses {@code cpu}, {@code gpu} or {@code gpu:N}; a GPU that the engine does not see is an error. */
    public static Device parse(String spec) {
        String s = spec == null ? "cpu" : spec.trim().toLowerCase();
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.equals("gpu") || s.matches("gpu:\\d+")) {
            int id = s.equals("gpu") ? 0 : Integer.parseInt(s.substring(4));
            int gpus = engine().getGpuCount();
            if (id >= gpus) {
                throw new IllegalArgumentException("--device=" + spec + ": the PyTorch engine sees " + gpus
                        + " GPU(s). A CUDA libtorch is needed: set PYTORCH_LIBRARY_PATH to a libtorch 2.7.1 + CUDA "
                        + "12.8 lib folder, PYTORCH_FLAVOR=cu128 and PYTORCH_VERSION=2.7.1 (see README)");
            }
            return Device.gpu(id);
        }
        throw new IllegalArgumentException("--device must be cpu, gpu or gpu:N, got '" + spec + "'");
    }

    /** The PyTorch engine, loaded on first use. */
    public static Engine engine() {
        return Engine.getEngine("PyTorch");
    }

    /**
     * Turns PyTorch's autograd recording on or off for the calling thread. It is per thread and on by default in
     * new threads, so inference on a worker thread would otherwise build graphs nobody frees.
     */
    public static void setGradMode(boolean on) {
        engine();
        JniUtils.setGradMode(on);
    }

    private Devices() {}
}
