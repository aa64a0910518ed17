package ai.finetune.portal.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.annotation.Resource;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Upload (validated, all or nothing), list, preview and export of datasets. Files live under
 * {@code <data dir>/datasets/<name>/v<version>.jsonl}; the row is written only after the file is complete.
 */
@ApplicationScoped
public class DatasetService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.data.dir", defaultValue = "./portal-data")
    String dataDir;

    /** PORTAL_DATASET_MAX_BYTES: the largest upload accepted (default 512 MiB). */
    @Inject
    @ConfigProperty(name = "portal.dataset.max.bytes", defaultValue = "536870912")
    long maxBytes;

    @Inject
    DatasetStore store;

    public long maxBytes() {
        return maxBytes;
    }

    /** Validates and stores an upload as the next version of {@code name}. */
    public Dataset upload(String name, DatasetKind kind, String fileName, InputStream in, String user)
            throws DatasetException, IOException {
        return store(name, kind, fileName, in, user, maxBytes);
    }

    /**
     * Like {@link #upload} without the upload size limit, for data the portal ships (demo seeding). Called inside
     * a transaction it joins it: a later rollback removes the row and, through {@link DatasetStore}, the file.
     */
    public Dataset storeShipped(String name, DatasetKind kind, InputStream in, String user)
            throws DatasetException, IOException {
        return store(name, kind, name + ".jsonl", in, user, Long.MAX_VALUE);
    }

    private Dataset store(String name, DatasetKind kind, String fileName, InputStream in, String user, long limit)
            throws DatasetException, IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new DatasetException("name: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (kind == null) {
            throw new DatasetException("kind: choose what the file holds");
        }
        Path root = Path.of(dataDir).toAbsolutePath().resolve("datasets");
        Files.createDirectories(root); // the name's folder only once the upload is valid (DatasetStore)
        Path tmp = Files.createTempFile(root, ".upload-", ".jsonl");
        try {
            long records;
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                records = new DatasetValidator(kind, limit).validate(fileName, in, out);
            }
            return store.save(name, kind, records, tmp, root.resolve(name), user);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public List<Dataset> list() {
        return em.createQuery("select d from Dataset d order by d.name, d.version desc", Dataset.class).getResultList();
    }

    public List<Dataset> ofKind(DatasetKind kind) {
        return em.createQuery("select d from Dataset d where d.kind = :k order by d.id desc", Dataset.class)
                .setParameter("k", kind).getResultList();
    }

    /** Every version of {@code name}, newest first. */
    public List<Dataset> versions(String name) {
        return em.createQuery("select d from Dataset d where d.name = :n order by d.version desc", Dataset.class)
                .setParameter("n", name).getResultList();
    }

    public long count() {
        return em.createQuery("select count(d) from Dataset d", Long.class).getSingleResult();
    }

    public Optional<Dataset> find(long id) {
        return Optional.ofNullable(em.find(Dataset.class, id));
    }

    /** The first {@code n} records as a table, read from the start of the file only. */
    public DatasetPreview preview(Dataset d, int n) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(Path.of(d.getPath()), StandardCharsets.UTF_8)) {
            return DatasetPreview.read(r, n);
        }
    }

    /** Opens the stored JSONL (for readers that stream it themselves). */
    public InputStream open(Dataset d) throws IOException {
        return Files.newInputStream(Path.of(d.getPath()));
    }

    /**
     * Writes {@code d} in {@code format} to {@code out}, line by line (never the whole file in memory).
     *
     * @throws IllegalArgumentException when the format does not apply to the dataset's kind
     */
    public void export(Dataset d, ExportFormat format, OutputStream out) throws IOException {
        if (!format.appliesTo(d.getKind())) {
            throw new IllegalArgumentException("format " + format.getId() + " does not apply to " + d.getKind()
                    + " datasets");
        }
        try (BufferedReader r = Files.newBufferedReader(Path.of(d.getPath()), StandardCharsets.UTF_8)) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            format.write(d.getKind(), r, w);
            w.flush();
        }
    }

    /** The transactional half of an upload: the version number, the file's final place, the row. */
    @ApplicationScoped
    public static class DatasetStore {
        @PersistenceContext(unitName = "portal")
        EntityManager em;

        @Resource
        TransactionSynchronizationRegistry transactions;

        @Transactional(rollbackOn = Exception.class) // an IOException from the move must not commit the row
        public Dataset save(String name, DatasetKind kind, long records, Path tmp, Path dir, String user)
                throws IOException {
            Integer last = em.createQuery("select max(d.version) from Dataset d where d.name = :n", Integer.class)
                    .setParameter("n", name).getSingleResult();
            int version = last == null ? 1 : last + 1;
            Files.createDirectories(dir);
            Path file = dir.resolve("v" + version + ".jsonl");
            long bytes = Files.size(tmp);
            Dataset d = new Dataset(name, version, kind, records, bytes, file.toString(), user);
            em.persist(d);
            em.flush(); // a clash (two uploads of one name at once) fails here, before the file moves
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            // the row is not committed yet (and a caller's transaction may hold more work): if it rolls back,
            // the file goes too, so no file is left without its row
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException e) {
                            java.util.logging.Logger.getLogger(DatasetStore.class.getName())
                                    .warning("Cannot remove " + file + " of a rolled-back dataset: " + e.getMessage());
                        }
                    }
                }
            });
            return d;
        }
    }
}
