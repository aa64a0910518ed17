package ai.finetune.labeling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Set;

/** One output's place in a submitted ranking: its dense rank (1 = best, ties share), 1-7 score and flags. */
@Entity
@Table(name = "ranking_entry")
public class RankingEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @ManyToOne(optional = false)
    @JoinColumn(name = "output_id")
    private LabelingOutput output;

    @Column(name = "rank_position", nullable = false)
    private int rank;

    @Column(name = "score", nullable = false)
    private int score;

    @Column(name = "flags", nullable = false)
    private String flags;

    protected RankingEntry() {
    }

    RankingEntry(Assignment assignment, LabelingOutput output, int rank, int score, Set<MetadataFlag> flags) {
        this.assignment = assignment;
        this.output = output;
        this.rank = rank;
        this.score = score;
        this.flags = MetadataFlag.join(flags);
    }

    public Long getId() { return id; }
    public Assignment getAssignment() { return assignment; }
    public LabelingOutput getOutput() { return output; }
    public int getRank() { return rank; }
    public int getScore() { return score; }
    public Set<MetadataFlag> getFlags() { return MetadataFlag.parse(flags); }
}
