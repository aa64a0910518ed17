package ai.finetune.runtime.training;

import java.util.List;

/** A fixed, indexable set of training or validation examples. */
public interface Examples {
    int size();

    Example get(int index);

    static Examples of(List<Example> list) {
        return new Examples() {
            @Override
            public int size() {
                return list.size();
            }

            @Override
            public Example get(int index) {
                return list.get(index);
            }
        };
    }
}
