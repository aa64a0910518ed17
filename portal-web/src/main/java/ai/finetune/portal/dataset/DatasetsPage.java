package ai.finetune.portal.dataset;

import ai.finetune.portal.run.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/** Backing bean of admin/datasets/index.xhtml: upload (validated, all or nothing), list, preview, export. */
@Named("datasetsPage")
@ViewScoped
public class DatasetsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient DatasetService datasets;

    @Inject
    transient SecurityContext security;

    private String name;
    private DatasetKind kind = DatasetKind.DEMONSTRATIONS;
    private transient UploadedFile file;
    private List<String> preview = List.of();
    private String previewName;

    public void upload() {
        if (file == null || file.getFileName() == null || file.getFileName().isEmpty()) {
            PageMessages.error("Choose a JSONL or CSV file to upload.");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            Dataset d = datasets.upload(name, kind, file.getFileName(), in, security.getCallerPrincipal().getName());
            PageMessages.info("Stored " + d.getName() + " v" + d.getVersion() + ": " + d.getRecords() + " records.");
            showPreview(d.getId());
        } catch (DatasetException e) {
            PageMessages.error("Upload rejected, nothing stored: " + e.getMessage());
        } catch (IOException e) {
            PageMessages.error("Upload failed, nothing stored: " + e.getMessage());
        }
    }

    public void showPreview(long id) {
        datasets.find(id).ifPresent(d -> {
            try {
                preview = datasets.preview(d, 20);
                previewName = d.getName() + " v" + d.getVersion();
            } catch (IOException e) {
                PageMessages.error("Cannot read " + d.getPath() + ": " + e.getMessage());
            }
        });
    }

    /** The stored JSONL, streamed to the browser. */
    public StreamedContent export(long id) {
        Dataset d = datasets.find(id).orElseThrow();
        return DefaultStreamedContent.builder()
                .name(d.getName() + "-v" + d.getVersion() + ".jsonl")
                .contentType("application/x-ndjson")
                .stream(() -> {
                    try {
                        return datasets.open(d);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .build();
    }

    public List<Dataset> getDatasets() {
        return datasets.list();
    }

    public DatasetKind[] getKinds() {
        return DatasetKind.values();
    }

    public long getMaxBytes() {
        return datasets.maxBytes();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public DatasetKind getKind() { return kind; }
    public void setKind(DatasetKind kind) { this.kind = kind; }
    public UploadedFile getFile() { return file; }
    public void setFile(UploadedFile file) { this.file = file; }
    public List<String> getPreview() { return preview; }
    public String getPreviewName() { return previewName; }
}
