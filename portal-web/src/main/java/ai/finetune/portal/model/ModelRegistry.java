package ai.finetune.portal.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The registry of checkpoints: list, look up, register (a run's result, the shipped base model). */
@ApplicationScoped
@Transactional
public class ModelRegistry {
    /** Files a checkpoint folder must hold for the worker to load it. */
    static final List<String> FILES = List.of("config.json", "model.safetensors", "tokenizer.json");

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    public List<ModelArtifact> list() {
        return em.createQuery("select m from ModelArtifact m order by m.id", ModelArtifact.class).getResultList();
    }

    public List<ModelArtifact> ofKind(ModelKind kind) {
        return em.createQuery("select m from ModelArtifact m where m.kind = :k order by m.id desc", ModelArtifact.class)
                .setParameter("k", kind).getResultList();
    }

    public Optional<ModelArtifact> find(long id) {
        return Optional.ofNullable(em.find(ModelArtifact.class, id));
    }

    public ModelArtifact register(String name, ModelKind kind, Path dir, Long parentId, Long runId) {
        ModelArtifact m = new ModelArtifact(name, kind, dir.toAbsolutePath().normalize().toString(), parentId, runId);
        em.persist(m);
        em.flush();
        return m;
    }

    /** Registers a model folder found on disk (once, by path), if it holds a loadable checkpoint. */
    public Optional<ModelArtifact> registerFolder(String name, ModelKind kind, Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        if (!isCheckpoint(dir)) {
            return Optional.empty();
        }
        List<ModelArtifact> known = em.createQuery("select m from ModelArtifact m where m.path = :p or m.name = :n",
                ModelArtifact.class).setParameter("p", path).setParameter("n", name).getResultList();
        if (!known.isEmpty()) {
            return Optional.of(known.get(0));
        }
        return Optional.of(register(name, kind, dir, null, null));
    }

    static boolean isCheckpoint(Path dir) {
        return FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }
}
