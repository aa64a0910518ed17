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

/**
 * Backing bean of admin/datasets/index.xhtml: upload (validated, all or nothing), list, preview with the
 * versions of the same name, export in the formats that apply to the kind.
 *
 * <p>The upload goes through the servlet container's multipart handling (web.xml: parts over 1 MiB are written
 * to a temporary file, not kept in memory); {@link UploadedFile#getInputStream()} reads that file, and the
 * validator streams it and stops at PORTAL_DATASET_MAX_BYTES.
 */
@Named("datasetsPage")
@ViewScoped
public class DatasetsPage implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PREVIEW_RECORDS = 20;

    @Inject
    transient DatasetService datasets;

    @Inject
    transient SecurityContext security;

    private String name;
    private DatasetKind kind = DatasetKind.DEMONSTRATIONS;
    private transient UploadedFile file;
    private DatasetPreview preview;
    private String previewName;
    private List<Dataset> versions = List.of();

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
                preview = datasets.preview(d, PREVIEW_RECORDS);
                previewName = d.getName() + " v" + d.getVersion();
                versions = datasets.versions(d.getName());
            } catch (IOException e) {
                PageMessages.error("Cannot read " + d.getPath() + ": " + e.getMessage());
            }
        });
    }

    /** The dataset in {@code format}, written to the response as it is read (never whole in memory). */
    public StreamedContent export(long id, String format) {
        Dataset d = datasets.find(id).orElseThrow();
        ExportFormat f = ExportFormat.of(format);
        return DefaultStreamedContent.builder()
                .name(DatasetsResource.fileName(d, f))
                .contentType("application/x-ndjson")
                .writer(out -> { // captures the id and format only: the consumer must be serialisable
                    try {
                        datasets.export(datasets.find(id).orElseThrow(), f, out);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .build();
    }

    /** The export formats that apply to {@code d}. */
    public List<ExportFormat> formatsOf(Dataset d) {
        return java.util.Arrays.stream(ExportFormat.values()).filter(f -> f.appliesTo(d.getKind())).toList();
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
    public DatasetPreview getPreview() { return preview; }
    public List<Dataset> getVersions() { return versions; }
    public String getPreviewName() { return previewName; }
}
