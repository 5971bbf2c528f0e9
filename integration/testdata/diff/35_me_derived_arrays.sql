-- A CTE's or derived table's column that is an array (ARRAY[id], a cast
-- to an array type) is an array where it is read: tree.path || t.id, the
-- path of a recursive tree walk, concatenated the array's text ('{1}2')
-- where PostgreSQL appends ({1,2}).
CREATE TABLE me_da (id int PRIMARY KEY, parent int, name text, tags text[]);
INSERT INTO me_da VALUES (1, NULL, 'root', '{a}'), (2, 1, 'kid', '{b}'), (3, 1, 'kid2', '{}'), (4, 2, 'grandkid', NULL);
WITH RECURSIVE tree AS (SELECT id, name, 0 AS depth, ARRAY[id] AS path FROM me_da WHERE parent IS NULL UNION ALL SELECT t.id, t.name, tree.depth + 1, tree.path || t.id FROM me_da t JOIN tree ON t.parent = tree.id) SELECT id, name, depth, path FROM tree ORDER BY id;
WITH RECURSIVE tree(id, path) AS (SELECT id, ARRAY[id] FROM me_da WHERE parent IS NULL UNION ALL SELECT t.id, tree.path || t.id FROM me_da t JOIN tree ON t.parent = tree.id WHERE NOT t.id = ANY(tree.path)) SELECT id, path, array_length(path, 1) FROM tree ORDER BY id;
WITH RECURSIVE tree AS (SELECT id, ARRAY[name] AS names FROM me_da WHERE parent IS NULL UNION ALL SELECT t.id, tree.names || t.name FROM me_da t JOIN tree ON t.parent = tree.id) SELECT id, names, array_to_string(names, ' > ') FROM tree ORDER BY id;
SELECT s.path || 5, 0 || s.path, s.path || ARRAY[7] FROM (SELECT ARRAY[id] AS path FROM me_da) s ORDER BY 1::text;
WITH c AS (SELECT ARRAY[id] AS path FROM me_da) SELECT c.path || 5 FROM c ORDER BY 1::text;
WITH c AS (SELECT ARRAY[1, 2] AS p) SELECT p || 3, 0 || p FROM c;
WITH c AS (SELECT '{x}'::text[] AS p) SELECT p || 'y'::text FROM c;
-- differs: ORDER BY an array of column elements is refused (0A000, with the cast that orders it): as text {1,2,4} sorted before {1,2}
WITH RECURSIVE tree AS (SELECT id, ARRAY[id] AS path FROM me_da WHERE parent IS NULL UNION ALL SELECT t.id, tree.path || t.id FROM me_da t JOIN tree ON t.parent = tree.id) SELECT id, path FROM tree ORDER BY path;
WITH RECURSIVE tree AS (SELECT id, ARRAY[id] AS path FROM me_da WHERE parent IS NULL UNION ALL SELECT t.id, tree.path || t.id FROM me_da t JOIN tree ON t.parent = tree.id) SELECT id, path::int[] FROM tree ORDER BY path::int[];
WITH RECURSIVE tree AS (SELECT id, ARRAY[name] AS names FROM me_da WHERE parent IS NULL UNION ALL SELECT t.id, tree.names || t.name FROM me_da t JOIN tree ON t.parent = tree.id) SELECT id, names::text[] FROM tree ORDER BY names::text[] DESC;
WITH RECURSIVE tree AS (SELECT id, ARRAY[id] AS path FROM me_da WHERE parent IS NULL UNION ALL SELECT t.id, path || t.id FROM me_da t JOIN tree ON t.parent = tree.id) SELECT id, path FROM tree ORDER BY id;
DROP TABLE me_da;
