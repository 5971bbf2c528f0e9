-- nullif of an unknown literal takes the other argument's type (two
-- unknowns are text): assigned to an interval or integer column it is
-- PostgreSQL's 42804 (the value was converted and stored).
CREATE TABLE e38errs_iv(i interval, t text, n int);
INSERT INTO e38errs_iv(t) VALUES ('1 day');
INSERT INTO e38errs_iv(i) SELECT '1 day'::text;
INSERT INTO e38errs_iv(i) SELECT replace('1 day','a','a');
INSERT INTO e38errs_iv(i) SELECT nullif('1 day', replace('a','a','b'));
INSERT INTO e38errs_iv(i) SELECT nullif(t, 'x') FROM e38errs_iv;
INSERT INTO e38errs_iv(i) SELECT coalesce(t, 'x') FROM e38errs_iv;
INSERT INTO e38errs_iv(i) SELECT t FROM e38errs_iv;
UPDATE e38errs_iv SET i = t;
UPDATE e38errs_iv SET i = nullif(t, 'x');
INSERT INTO e38errs_iv(i) VALUES (nullif('1 day', 'x'));
INSERT INTO e38errs_iv(n) SELECT nullif('1', replace('a','a','b'));
INSERT INTO e38errs_iv(n) SELECT nullif(t, 'x') FROM e38errs_iv;
SELECT count(*) FROM e38errs_iv;
INSERT INTO e38errs_iv(i) SELECT nullif('1 day', NULL);
INSERT INTO e38errs_iv(i) SELECT nullif('1 day', '2 days'::interval);
INSERT INTO e38errs_iv(n) SELECT nullif('1', 2);
INSERT INTO e38errs_iv(t) SELECT nullif('1', 2);
UPDATE e38errs_iv SET i = nullif('1 day', 'x');
UPDATE e38errs_iv SET n = nullif('3', n);
SELECT count(*), count(i), count(n) FROM e38errs_iv;
