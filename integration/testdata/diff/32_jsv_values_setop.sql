-- a set operation of VALUES lists is typed as PostgreSQL types it: each
-- list's column by its rows' common type, then the lists' common type
VALUES (2), (1) UNION VALUES (0) ORDER BY 1;
VALUES (1) UNION ALL VALUES (2.5) ORDER BY 1;
VALUES (1) EXCEPT VALUES (2.0);
VALUES (3), (1) UNION VALUES (2.50) ORDER BY 1;
VALUES (1, 'a'), (2, 'b') INTERSECT VALUES (2, 'b');
VALUES (1.5::float8) UNION ALL VALUES (2), (3.25) ORDER BY 1;
VALUES (1::int2) UNION VALUES (2) UNION VALUES (3::int8) ORDER BY 1 DESC;
VALUES (1) UNION VALUES ('2') ORDER BY 1;
VALUES ('a') UNION VALUES ('b') ORDER BY 1;
VALUES (1), ('x'::text) UNION VALUES (2);
VALUES (1) UNION VALUES ('x'::text);
VALUES (1) UNION VALUES ('x');
VALUES (true) UNION VALUES (1);
VALUES (1, 2) UNION VALUES (3);
VALUES (interval '24 hours') UNION ALL VALUES ('1 day');
SELECT interval '24 hours' UNION ALL SELECT '1 day';
VALUES (2), (1) UNION VALUES (0) LIMIT 2;
VALUES (NULL) UNION VALUES (1);
VALUES (1) UNION VALUES (NULL);
VALUES (NULL), (1) UNION VALUES (2) ORDER BY 1;
VALUES ('1'), (1) UNION VALUES (2) ORDER BY 1;
VALUES ('a'::varchar) UNION VALUES ('b') ORDER BY 1;
VALUES (date '2024-01-02') UNION VALUES ('2024-01-01') ORDER BY 1;
VALUES (date '2024-01-02'), ('2024-01-01') EXCEPT VALUES (date '2024-01-02');
VALUES (1) UNION ALL VALUES (2, 3), (4, 5);
-- differs-type: a set operation of a SELECT and a VALUES list is not type-resolved (docs/sql-dialect.md)
SELECT * FROM (VALUES (1)) v UNION VALUES (2.5) ORDER BY 1;
