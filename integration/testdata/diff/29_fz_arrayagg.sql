-- fz_arrayagg: array_agg(...) FILTER (WHERE ...) orders element by
-- element as array_agg without FILTER does: it ordered as its text
-- ({-7} before {-3} descending; found by the differential fuzz tester,
-- issue 11).
CREATE TABLE n29fz_g (id int PRIMARY KEY, g int, i int8, t text, b bool);
INSERT INTO n29fz_g VALUES (1, 1, -3, 'b', true), (2, 2, -7, 'a', true), (3, 3, 0, 'ab', true), (4, 4, 10, 'a', false), (5, 4, 9, 'c', true), (6, 5, 100, NULL, true);
SELECT g, array_agg(i ORDER BY i) FILTER (WHERE b) AS a FROM n29fz_g GROUP BY g ORDER BY 2 DESC, 1;
SELECT g, array_agg(i) FILTER (WHERE id <> 4) AS a FROM n29fz_g GROUP BY g ORDER BY a, g;
SELECT g, array_agg(t ORDER BY t) FILTER (WHERE b) AS a FROM n29fz_g GROUP BY g ORDER BY a DESC NULLS LAST, g;
SELECT array_agg(i) FILTER (WHERE b) FROM n29fz_g GROUP BY g % 2 ORDER BY 1;
