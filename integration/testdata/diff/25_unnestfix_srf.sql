-- unnestfix_srf: unnest() after other FROM items (PostgreSQL's implicit
-- LATERAL) shows PostgreSQL's columns (issue 11): u.* and * list the
-- element (then WITH ORDINALITY's position), named by the alias or the
-- alias list, typed as the array's element type; they once listed SQLite
-- json_each's eight columns. Empty and NULL arrays give no row.
CREATE TABLE n25u_t (id int PRIMARY KEY, ia int[], ta text[], na numeric[], ba bool[], da date[]);
INSERT INTO n25u_t VALUES (1, '{5,6}', '{a,"b c"}', '{1.5,2}', '{t,f}', '{2024-01-02,2024-03-04}'), (2, '{}', '{}', NULL, '{NULL}', '{}'), (3, NULL, '{x,NULL}', '{-3}', NULL, NULL);
SELECT u.* FROM n25u_t, unnest(n25u_t.ia) u ORDER BY 1;
SELECT * FROM n25u_t, unnest(n25u_t.ia) u ORDER BY 1, 7;
SELECT * FROM n25u_t, unnest(n25u_t.ia) AS u(x) ORDER BY 1, 7;
SELECT * FROM n25u_t CROSS JOIN LATERAL unnest(ia) WITH ORDINALITY AS u(v, n) ORDER BY 1, 8;
SELECT * FROM n25u_t, LATERAL unnest(ia) WITH ORDINALITY ORDER BY 1, 8;
SELECT * FROM n25u_t JOIN unnest(ia) u ON true ORDER BY 1, 7;
SELECT id, u FROM n25u_t, unnest(ia) u ORDER BY 1, 2;
SELECT id, u.u FROM n25u_t, unnest(ia) u ORDER BY 1, 2;
SELECT id, u.x FROM n25u_t, unnest(ia) u(x) ORDER BY 1, 2;
SELECT id, unnest FROM n25u_t, unnest(ia) ORDER BY 1, 2;
SELECT u.*, id FROM n25u_t, unnest(ta) WITH ORDINALITY u ORDER BY id, 2;
SELECT id, x, n FROM n25u_t, unnest(ta) WITH ORDINALITY x(x, n) ORDER BY 1, 3;
SELECT t.*, u.* FROM n25u_t t, unnest(t.da) u ORDER BY 1, 2;
SELECT id, u.* FROM n25u_t LEFT JOIN unnest(ia) u ON true ORDER BY 1, 2;
SELECT * FROM n25u_t a, unnest(a.ia) u WHERE u > 5;
SELECT count(*) FROM n25u_t, unnest(ia) u;
SELECT * FROM (SELECT * FROM n25u_t, unnest(ia) u) s ORDER BY 1, 7;
-- element types: int4, text, numeric, bool, date; jsonb[] of an expression
SELECT id, u.* FROM n25u_t, unnest(ta) u ORDER BY 1, 2;
SELECT id, u.* FROM n25u_t, unnest(na) u ORDER BY 1, 2;
SELECT id, u.* FROM n25u_t, unnest(ba) u ORDER BY 1, 2;
SELECT id, u.* FROM n25u_t, unnest(da) u ORDER BY 1, 2;
SELECT id, u.* FROM n25u_t, unnest(array[id, id * 10]) u ORDER BY 1, 2;
SELECT id, u.* FROM n25u_t, unnest('{t,NULL}'::bool[]) WITH ORDINALITY u ORDER BY 1, 3;
SELECT id, u.* FROM n25u_t, unnest(ARRAY['{"a": 1}'::jsonb, '[1, 2]'::jsonb]) u ORDER BY 1, 2;
SELECT * FROM unnest(ARRAY['{"a": 1}'::jsonb, '[1, 2]'::jsonb]) u;
-- alone in FROM
SELECT * FROM unnest(array[1, 2]) WITH ORDINALITY AS u(a, b);
SELECT * FROM unnest('{}'::int[]) u, n25u_t;
SELECT * FROM unnest(NULL::int[]) u;
-- too many names in the alias list
SELECT * FROM n25u_t, unnest(ia) u(x, y);
SELECT * FROM unnest(array[1, 2]) AS u(a, b);
-- differs: two unnest() items beside a table with SELECT * are 0A000 (name the columns)
SELECT * FROM n25u_t, unnest(ia) u, unnest(ta) v ORDER BY 1, 7, 8;
-- differs: unnest(a, b) (zipping arrays) is 0A000
SELECT id, u.* FROM n25u_t, unnest(ia, ta) u ORDER BY 1, 2;
-- differs: a numeric element passes json_each as a JSON number and loses its trailing zeros (1.50 prints 1.5)
SELECT u.* FROM n25u_t, unnest('{1.50,2}'::numeric[]) u WHERE id = 1;
-- an array operator in the argument
-- differs-type: the element type of an array || array is not read lexically (int8 from the values)
SELECT * FROM unnest(ARRAY[1] || ARRAY[2]) u;
-- differs-type: the element type of an array || array is not read lexically (int8 from the values)
SELECT unnest(ARRAY[1] || ARRAY[2]);
SELECT id, u.* FROM n25u_t, unnest(ARRAY[0] || ARRAY[7]) WITH ORDINALITY u ORDER BY 1, 3;
-- differs: || of an array column and an element, typed at run time by the column (a later pass), is not rewritten inside unnest()
SELECT unnest(ia || 7) FROM n25u_t ORDER BY 1;
