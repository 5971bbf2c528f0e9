-- Calls and operators PostgreSQL 15 does not have, which SQLite answered:
-- an operator name pg_operator does not hold (~-1 is the operator ~- as
-- PostgreSQL's lexer reads it, 5 &-1 the operator &-; SQLite read ~(-1)
-- and 5 & -1; pgdialect/operator_names.go); div of sign(column), which is
-- double precision (floatcalls.go); min/max of a jsonb function's value
-- or of j -> k (typecompare.go); make_interval with a bigint, numeric or
-- float value of an integer parameter (make_interval.go).
CREATE TABLE vuo_t (i int, b bigint, n numeric, f float8, j jsonb, t text);
INSERT INTO vuo_t VALUES (1, 2, 3.5, 4.5, '{"a":1}', 'x');
SELECT ~-1;
SELECT ~ -1;
-- differs-message: the operand's type is not named (PostgreSQL: ~- integer)
SELECT ~-i FROM vuo_t;
SELECT -~1;
SELECT 1 ~- 1;
SELECT 5 &-1;
SELECT 5 %-2;
SELECT 1 == 1;
SELECT 2 |-1;
SELECT 3 ^-1;
SELECT '{"a":1}'::jsonb #- '{a}';
SELECT 1 !=1;
SELECT -(-1), - -1;
SELECT 2*-3, 2/-1, 3<-1, 3>-1, 3<=-1, 3<>-1, 3=-1;
SELECT '{"a":[1]}'::jsonb->'a'->>0;
SELECT div(sign(i), 2) FROM vuo_t;
SELECT div(sign(n), 2) FROM vuo_t;
SELECT div(sign(f), 2) FROM vuo_t;
SELECT div(sign(1), 2);
SELECT div(sign(1.5), 2);
SELECT max(j) FROM vuo_t;
SELECT max('{"a":1}'::jsonb);
SELECT min(jsonb_build_object('a', 1));
SELECT max(to_jsonb(i)) FROM vuo_t;
SELECT max(j->'a') FROM vuo_t;
SELECT max(j->>'a') FROM vuo_t;
SELECT jsonb_build_object('a', 1) = '{"a": 1}';
SELECT make_interval(days => b) FROM vuo_t;
SELECT make_interval(days => i) FROM vuo_t;
SELECT make_interval(days => 1::bigint);
SELECT make_interval(days => 1.5);
SELECT make_interval(days => i * 2) FROM vuo_t;
SELECT make_interval(0, 0, 0, b) FROM vuo_t;
SELECT make_interval(days => b::int) FROM vuo_t;
SELECT make_interval(secs => b) FROM vuo_t;
SELECT make_interval(secs => 1.5, days => 2);
