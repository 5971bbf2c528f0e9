-- JOIN ... USING (c) where a side lacks c, beside a subquery or a
-- parenthesised join: PostgreSQL's 42703 (SQLite's "cannot join using
-- column c - column not present in both tables" was an internal XX000).
CREATE TABLE e38errs_ja(a int, b int);
CREATE TABLE e38errs_jb(a int, c int);
SELECT * FROM e38errs_ja JOIN e38errs_jb USING (nosuch);
SELECT * FROM e38errs_ja JOIN (SELECT 1 AS z) q USING (z);
SELECT * FROM (e38errs_ja JOIN e38errs_jb USING (a)) j JOIN e38errs_jb USING (nosuch);
SELECT * FROM e38errs_ja JOIN (SELECT 1 AS a) q USING (nosuch);
SELECT * FROM (SELECT 1 AS a) q JOIN e38errs_ja USING (nosuch);
SELECT * FROM (SELECT 1 AS a) q JOIN e38errs_ja USING (a);
SELECT count(*) FROM e38errs_ja a1 JOIN e38errs_ja a2 USING (b) JOIN e38errs_jb USING (c);
-- differs-message: SQLite does not say which side lacks the column (PostgreSQL: right table)
SELECT * FROM (SELECT 1 AS z) q JOIN e38errs_ja USING (z);
