-- a date, timestamp or timestamptz compared with an array of another of
-- these types: PostgreSQL promotes the lower type and compares instants
-- (the stored texts '2020-01-01' and '2020-01-01 00:00:00' never matched).
SELECT '2020-01-01'::date = ANY(ARRAY['2020-01-01'::timestamp]);
SELECT '2020-01-01'::date < ANY(ARRAY['2020-01-01 10:00'::timestamp]), '2020-01-01 00:00'::timestamp = ALL(ARRAY['2020-01-01'::date]);
CREATE TABLE e38errs_ad (d date, ts timestamp, tz timestamptz, tsa timestamp[], tza timestamptz[], da date[]);
INSERT INTO e38errs_ad VALUES ('2020-01-01', '2020-01-01', '2020-01-01', '{"2020-01-01 00:00","2020-01-02"}', '{"2020-01-01 00:00+00"}', '{2020-01-01}');
SELECT d = ANY(ARRAY['2020-01-01'::timestamp]), ts = ANY(ARRAY['2020-01-01'::date]), tz = ANY(ARRAY['2020-01-01'::date]) FROM e38errs_ad;
SELECT d < ANY(ARRAY['2020-01-01 10:00'::timestamp]), d = ANY(ARRAY['2020-01-01 10:00'::timestamp]) FROM e38errs_ad;
SELECT d = ANY(tsa), d < ALL(tsa), d <> ALL(tsa), d = ANY(tza), d >= ANY(tza) FROM e38errs_ad;
SELECT count(*) FROM e38errs_ad a, e38errs_ad b WHERE a.d = ANY(b.tsa);
SET timezone = 'America/New_York';
SELECT d = ANY(tza), tsa[1] = ANY(tza), '2020-01-01'::date = ANY(tza) FROM e38errs_ad;
SELECT '2020-01-01 05:00+00'::timestamptz = ANY(ARRAY['2020-01-01'::date]), '2020-01-01 05:00+00'::timestamptz = ANY(da) FROM e38errs_ad;
RESET timezone;
