-- PPO metric rows carry the iteration's sample completions (prompt, response, reward): far more than 4,000
-- characters. SET DATA TYPE is understood by H2 and PostgreSQL alike.
ALTER TABLE run_metric ALTER COLUMN row_json SET DATA TYPE VARCHAR(100000);
