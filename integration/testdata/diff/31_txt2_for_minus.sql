-- txt2_for_minus: a negative number after FOR or PLACING in substring and
-- overlay is a unary minus (the reserved word was read as an operand:
-- 42601 syntax error).
SELECT overlay('abc' placing 'XY' from 2 for -1) AS a, overlay('abc' placing 'XY' from 2 for -(1)) AS b, overlay('abc' placing (-1)::text from 2) AS c;
SELECT overlay('abc' placing 'XY' from -1 for 2);
SELECT substring('abcdef' from -1 for 3) AS a, substring('abc' from 2 for +1) AS b, substring('abc' for -1 + 3) AS c;
SELECT substring('abc' from 2 for -1);
