-- Arithmetic on an upsert's excluded.col reads the target column's type:
-- excluded.d + 1 of a date column was 22P02 (the date read as a number).
create table kn_xa (k int primary key, a int, n numeric(6,2), d date, ts timestamp, r real);
insert into kn_xa values (1, 1, 1.5, '2024-01-01', '2024-01-01 10:00', 1.5);
insert into kn_xa values (1, 3, 2.25, '2024-03-03', '2024-03-03 11:00', 2.5) on conflict (k) do update set d = excluded.d + 1 returning d;
insert into kn_xa values (1, 3, 2.25, '2024-03-03', '2024-03-03 11:00', 2.5) on conflict (k) do update set d = excluded.d - 1, ts = excluded.ts + interval '1 hour' returning d, ts;
insert into kn_xa values (1, 3, 2.25, '2024-03-03', '2024-03-03 11:00', 2.5) on conflict (k) do update set a = excluded.d - kn_xa.d returning a;
insert into kn_xa values (1, 7, 2.25, '2024-03-03', '2024-03-03 11:00', 2.5) on conflict (k) do update set n = excluded.n / 4, a = excluded.a / 2 returning n, a;
insert into kn_xa values (1, 7, 2.25, '2024-03-03', '2024-03-03 11:00', 2.5) on conflict (k) do update set r = excluded.r * 3 returning r;
insert into kn_xa values (1, 7, 2.25, '2024-03-03', '2024-03-03 11:00', 2.5) on conflict (k) do update set a = excluded.a + kn_xa.a where excluded.d > kn_xa.d returning a;
SELECT * FROM kn_xa;
DROP TABLE kn_xa;
