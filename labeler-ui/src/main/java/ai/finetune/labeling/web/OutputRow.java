package ai.finetune.labeling.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One output as a ranking page shows it: a letter instead of the model's name, its text, and the inputs. */
public class OutputRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String letter;
    private final String text;
    private Integer score;
    private List<String> flags = new ArrayList<>();

    OutputRow(long id, String letter, String text) {
        this.id = id;
        this.letter = letter;
        this.text = text;
    }

    public long getId() { return id; }
    public String getLetter() { return letter; }
    public String getText() { return text; }
    public Integer getScore() { return score; }
    public void setScore(Integer score) { this.score = score; }
    public List<String> getFlags() { return flags; }
    public void setFlags(List<String> flags) { this.flags = flags == null ? new ArrayList<>() : flags; }
}
