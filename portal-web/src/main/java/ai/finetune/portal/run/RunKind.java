package ai.finetune.portal.run;

import ai.finetune.portal.dataset.DatasetKind;
import ai.finetune.portal.model.ModelKind;
import java.util.Locale;

/**
 * The stages a run form can start. Each is a Jakarta Batch job of the same name (batch-jobs,
 * META-INF/batch-jobs/&lt;job&gt;.xml) running the model-runtime command of the same name.
 *
 * @param parentKind the kind of model the run starts from
 * @param dataKind   the kind of dataset it trains on
 * @param produces   the kind of model it registers when it completes
 */
public enum RunKind {
    PRETRAIN("pretrain", ModelKind.BASE, DatasetKind.CODE, ModelKind.BASE),
    SFT("sft", ModelKind.BASE, DatasetKind.DEMONSTRATIONS, ModelKind.SFT);

    private final String command;
    private final ModelKind parentKind;
    private final DatasetKind dataKind;
    private final ModelKind produces;

    RunKind(String command, ModelKind parentKind, DatasetKind dataKind, ModelKind produces) {
        this.command = command;
        this.parentKind = parentKind;
        this.dataKind = dataKind;
        this.produces = produces;
    }

    /** The model-runtime command, the job name and the API's {@code kind}. */
    public String command() {
        return command;
    }

    public String getCommand() {
        return command;
    }

    public ModelKind parentKind() {
        return parentKind;
    }

    public DatasetKind dataKind() {
        return dataKind;
    }

    public ModelKind produces() {
        return produces;
    }

    public static RunKind of(String command) {
        for (RunKind k : values()) {
            if (k.command.equals(command) || k.name().equals(command.toUpperCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown run kind '" + command + "'; known: pretrain, sft");
    }
}
