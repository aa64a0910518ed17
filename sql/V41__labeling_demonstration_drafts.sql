-- Partial demonstrations (labeler-ui): the editor saves what the labeler has typed so far, so a reload or a return
-- later brings it back. One draft per (author, prompt); deleted when the demonstration is sent for review.
CREATE TABLE labeling_demonstration_draft (
    author      VARCHAR(64)     NOT NULL,
    prompt_id   BIGINT          NOT NULL,
    text        VARCHAR(100000) NOT NULL,
    updated_at  TIMESTAMP       NOT NULL,
    CONSTRAINT labeling_demonstration_draft_pk PRIMARY KEY (author, prompt_id),
    CONSTRAINT labeling_demonstration_draft_prompt_fk FOREIGN KEY (prompt_id) REFERENCES labeling_prompt (id)
);
