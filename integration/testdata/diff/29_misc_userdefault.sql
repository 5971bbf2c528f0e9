-- A column DEFAULT current_user (session_user, current_role, user) is
-- evaluated per row (the inserting session's user: sqlexec's
-- TestDefaultCurrentUser inserts as two users), shown as written.
CREATE TABLE n29misc_ud (i int, a text DEFAULT current_user, b name DEFAULT session_user, c text DEFAULT current_role, d text DEFAULT user);
INSERT INTO n29misc_ud (i) VALUES (1);
INSERT INTO n29misc_ud (i, a) VALUES (2, user);
SELECT i, a = current_user AS a, b = session_user AS b, c = current_user AS c, d = current_user AS d FROM n29misc_ud ORDER BY i;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'n29misc_ud'::regclass ORDER BY adnum;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'n29misc_ud' ORDER BY ordinal_position;
SELECT user = current_user AS same, user = session_user AS same2;
DROP TABLE n29misc_ud;
