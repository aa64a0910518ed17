package ai.finetune.portal.run;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Faces messages for the run, dataset and model pages. */
public final class PageMessages {
    private PageMessages() {
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
