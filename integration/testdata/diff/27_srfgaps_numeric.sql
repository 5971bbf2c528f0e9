-- generate_series over arguments whose type is known only when the
-- statement runs (a subquery's, a parameter's, a column's after other
-- FROM items): integers step as integers, another value is refused
-- rather than stepped as a real (1.50 -> 2.5); numeric series keep the
-- larger scale of start and step
CREATE TABLE n27srfgaps_n (n int, d numeric(5,2), s numeric);
INSERT INTO n27srfgaps_n VALUES (3, 1.50, 0.25);
-- differs-type: a series over a subquery's integer is described as int8
SELECT g FROM generate_series((SELECT n FROM n27srfgaps_n), 5) g;
-- differs-type: a series over a subquery's integer is described as text
SELECT g FROM generate_series(1, (SELECT n FROM n27srfgaps_n)) g WHERE g > '1';
SELECT g FROM n27srfgaps_n, generate_series(1, n) g;
-- differs: a numeric subquery bound is refused (its type is known only at run time)
SELECT g FROM generate_series((SELECT d FROM n27srfgaps_n), 3) g;
-- differs: a numeric subquery step is refused (its type is known only at run time)
SELECT g FROM generate_series(1, 2, (SELECT s FROM n27srfgaps_n)) g;
-- differs: a numeric column bound after other FROM items is refused
SELECT g FROM n27srfgaps_n, generate_series(d, 4) g;
SELECT g FROM generate_series((SELECT d FROM n27srfgaps_n)::numeric, 3) g;
SELECT g FROM generate_series(1.5, 3.25, 0.5) g;
SELECT g FROM generate_series(1, 3, 0.5::numeric(4,3)) g;
SELECT g * 2 FROM generate_series(1.50, 3) g;
PREPARE n27srfgaps_p AS SELECT g FROM generate_series($1::numeric, 3) g;
EXECUTE n27srfgaps_p('1.50');
DEALLOCATE n27srfgaps_p;
DROP TABLE n27srfgaps_n;
