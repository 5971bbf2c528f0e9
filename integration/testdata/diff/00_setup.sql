-- Shared tables for the corpus (files run in name order, one database).
CREATE TABLE emp (id int PRIMARY KEY, name text NOT NULL, dept text, salary int, manager_id int, active boolean, hired date);
INSERT INTO emp VALUES
 (1, 'Alice', 'eng', 120, NULL, true, '2020-01-15'),
 (2, 'bob', 'eng', 100, 1, true, '2021-03-01'),
 (3, 'Carol', 'sales', 90, 1, false, '2019-07-30'),
 (4, 'dave', 'sales', NULL, 3, true, '2022-11-11'),
 (5, 'Eve', NULL, 80, 3, NULL, NULL),
 (6, 'Frank', 'eng', 100, 2, true, '2023-05-05');
CREATE TABLE words (w text);
INSERT INTO words VALUES ('apple'), ('Banana'), ('cherry'), ('Apple'), (NULL), (''), ('banana'), ('Zebra'), ('zebra'), ('éclair'), ('_under'), ('10'), ('9');
