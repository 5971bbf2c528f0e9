-- TABLESAMPLE: the rows PostgreSQL samples depend on its pages, refused
-- here (0A000 at the keyword)
CREATE TABLE fetch_ts (id int PRIMARY KEY);
INSERT INTO fetch_ts SELECT generate_series(1, 20);
-- differs: TABLESAMPLE is refused (0A000); PostgreSQL samples by its page layout
SELECT count(*) FROM fetch_ts TABLESAMPLE BERNOULLI (100);
-- differs: TABLESAMPLE is refused (0A000); PostgreSQL samples by its page layout
SELECT count(*) FROM fetch_ts AS t TABLESAMPLE SYSTEM (0) REPEATABLE (7);
-- positions
SELECT count(*) FROM fetch_ts TABLESAMPLE nosuch (10);
SELECT count(*) FROM fetch_ts TABLESAMPLE system_rows (10);
