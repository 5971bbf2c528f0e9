-- to_date/to_timestamp read the template with to_char's keyword table: a
-- lower-case template parsed nothing (to_date('2024-03-05', 'yyyy-mm-dd')
-- was 0001-01-01), FF1-FF6 were literal text (the fraction was lost), and
-- a fraction under MS or US is read as a fraction ("5" is .5, not .000005).
SET TIME ZONE 'UTC';
SELECT to_date('2024-03-05', 'yyyy-mm-dd'), to_timestamp('2024-03-05 14:07', 'yyyy-mm-dd hh24:mi');
SELECT to_date('05 March 2024', 'DD month yyyy'), to_date('05 MAR 2024', 'dd mon yyyy');
SELECT to_timestamp('2024-03-05 14:07:09.123', 'YYYY-MM-DD HH24:MI:SS.FF3'), to_timestamp('2024-03-05 14:07:09.123456', 'YYYY-MM-DD HH24:MI:SS.FF6');
SELECT to_timestamp('2024-03-05 14:07:09.5', 'YYYY-MM-DD HH24:MI:SS.MS'), to_timestamp('2024-03-05 14:07:09.05', 'YYYY-MM-DD HH24:MI:SS.MS');
SELECT to_timestamp('2024-03-05 14:07:09.5', 'YYYY-MM-DD HH24:MI:SS.US'), to_timestamp('2024-03-05 14:07:09.05', 'YYYY-MM-DD HH24:MI:SS.US');
-- no year in the template: year 0, which is 1 BC
SELECT to_timestamp('14:07:09.025', 'HH24:MI:SS.MS'), to_timestamp('09.12', 'SS.FF2'), to_date('05', 'DD');
