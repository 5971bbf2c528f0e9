-- x ILIKE y of two columns is named ?column? as PostgreSQL names it (ILIKE
-- was read as ending an operand, so the item kept SQLite's name "t GLOB p").
CREATE TABLE e38errs_ilk(t text, p text);
INSERT INTO e38errs_ilk VALUES ('abc','A%'), ('ABC','a_c'), ('a%c', 'a\%c'), ('xyz', '%Y%');
SELECT t, p, t ILIKE p, t NOT ILIKE p, t LIKE p, t ~~* p, t !~~* p FROM e38errs_ilk;
SELECT 'abc' ILIKE 'A%', 'ABC' LIKE 'a%', 'a_c' LIKE 'a\_c';
