-- lower() and upper() of a daterange, tsrange or tstzrange column order
-- by value (ORDER BY, a select item sorted by position, min/max), as
-- the columns do: a year past 9999 sorted before 2024 as text. A
-- numrange's bounds order as numbers (10 sorted before 9.25). Discrete
-- ranges print canonically ([2024-01-01,2024-01-05] is
-- [2024-01-01,2024-01-06)).
CREATE TABLE misc_rb (id int, r daterange, tr tsrange, tz tstzrange, nr numrange, ir int4range);
INSERT INTO misc_rb VALUES
  (1, '[2024-01-01,2024-01-05]', '[2024-01-01 10:00, 2024-01-02)', '[2024-01-01 10:00+05, 2024-01-02)', '[1.5,2)', '[1,5]'),
  (2, '[12345-01-01,12346-01-01)', '[12345-01-01 00:00, 12346-01-01)', '[12345-01-01 00:00+00, 12346-01-01)', '[10,20)', '[10,20)'),
  (3, '(2023-12-31,2024-02-01)', NULL, '[1999-01-01, 2000-01-01)', '[9.25,10)', '(,3)'),
  (4, 'empty', 'empty', 'empty', 'empty', 'empty'),
  (5, '[,2020-01-01)', '(,2020-01-01)', NULL, '(,0)', '[-5,)'),
  (6, '[0099-01-01 BC,0098-01-01 BC)', NULL, NULL, NULL, NULL);
SELECT id, r, lower(r) AS lo, upper(r) AS hi FROM misc_rb ORDER BY id;
SELECT id, lower(r) AS lo FROM misc_rb ORDER BY lower(r), id;
SELECT id, upper(r) AS hi FROM misc_rb ORDER BY upper(r) DESC, id;
SELECT id, lower(tr) AS lo FROM misc_rb ORDER BY lower(tr), id;
SELECT id, lower(tz) AS lo, upper(tz) AS hi FROM misc_rb ORDER BY 3 DESC, id;
SELECT id, lower(nr) AS lo FROM misc_rb ORDER BY lower(nr), id;
SELECT id, lower(ir) AS lo, upper(ir) AS hi FROM misc_rb ORDER BY lower(ir), id;
SELECT max(lower(r)) AS a, min(upper(r)) AS b, max(upper(tz)) AS c, min(lower(nr)) AS d, max(lower(nr)) AS e FROM misc_rb;
SELECT id, lower(r) AS lo FROM misc_rb ORDER BY 2, 1;
SELECT DISTINCT lower(r) AS lo FROM misc_rb ORDER BY 1;
SELECT '[2024-01-01,2024-01-05]'::daterange AS a, daterange('2024-01-01', '2024-01-05', '[]') AS b, '(2024-01-01,2024-01-05]'::daterange AS c, int4range(1, 5, '[]') AS d;
DROP TABLE misc_rb;
