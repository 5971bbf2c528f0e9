-- DEFAULT filled in by the session (UPDATE SET c = DEFAULT, an upsert's
-- DO UPDATE SET c = DEFAULT, DEFAULT in some VALUES rows only) for a
-- column whose default is a quoted literal of a date/time type: it was
-- 42804 (the stored literal in parentheses taken for text).
create table kn_dfl (k int primary key, ts timestamptz default '2024-01-01 00:00:00+00', d date default '2024-01-01', t timestamp default '2024-01-01 10:00', n numeric default 1.5, b bool default true, s text default 'it''s', j jsonb default '{"a": 1}', iv interval default '1 day');
insert into kn_dfl (k) values (1);
update kn_dfl set d = default returning d;
update kn_dfl set t = default, ts = default returning t, ts;
update kn_dfl set n = default, b = default, s = default, j = default, iv = default returning n, b, s, j, iv;
insert into kn_dfl (k, d, ts) values (2, default, now()), (3, '2025-05-05', default) returning k, d, ts = '2024-01-01 00:00:00+00';
insert into kn_dfl (k, s, j) values (4, default, '[]'), (5, 'x', default) returning k, s, j;
insert into kn_dfl (k) values (1) on conflict (k) do update set d = default, iv = default returning d, iv;
select k, d, t, s, j, iv from kn_dfl order by k;
DROP TABLE kn_dfl;
