-- to_char(date/time, template) reads the template with PostgreSQL's whole
-- keyword table and its case rules: FF1-FF6, CC, Y,YYY, IYYY/IYY/IY/I,
-- IDDD, W, RM/rm, AD/BC (and A.D./b.c. spellings), TZH/TZM, the lower-case
-- spellings (yyyy, hh24, ddd), a TH after a keyword that is no number,
-- the TM prefix and the SP suffix; before, a keyword outside the short
-- list it knew came back as literal text (FF3, CC, RM, "A2" for AD).
SET TIME ZONE 'UTC';
CREATE TABLE ex_tc (id int PRIMARY KEY, ts timestamp, iv interval);
INSERT INTO ex_tc VALUES
 (1, '2024-03-05 14:07:09.123456', '1 year 2 mons 3 days 04:05:06.789'),
 (2, '2021-01-03 00:00:00.000001', '-1 year -2 mons -3 days -04:05:06.789'),
 (3, '2011-11-11 11:11:11.011', '14 mons 40 days 50:00:00'),
 (4, '0044-03-15 12:00:00 BC', '-12 mons'),
 (5, '2000-02-29 23:59:59.999999', '-250 years -1 mon'),
 (6, '0001-01-01 00:00:00', '-13 hours -1 sec');
SELECT id, to_char(ts, 'YYYY-MM-DD HH24:MI:SS.FF1|FF2|FF3|FF4|FF5|FF6|MS|US') FROM ex_tc ORDER BY id;
SELECT id, to_char(ts, 'CC Y,YYY YYYY YYY YY Y IYYY IYY IY I IDDD IW WW W DDD D ID J Q') FROM ex_tc ORDER BY id;
SELECT id, to_char(ts, 'AD BC A.D. B.C. ad bc a.d. b.c. RM rm FMRM| SSSS SSSSS') FROM ex_tc ORDER BY id;
SELECT id, to_char(ts, 'yyyy-mm-dd hh24:mi:ss ddd iw cc rm mon dy month day') FROM ex_tc ORDER BY id;
-- a keyword matches only in the spellings PostgreSQL lists: Ddth is D, d, th
SELECT id, to_char(ts, 'Yyyy Ddth Mm Hh24 Cc Rm Of Am Bc dAY mONTH') FROM ex_tc ORDER BY id;
SELECT id, to_char(ts, 'DDth DDTH HH24th SSth MSth FF3th CCth Y,YYYth Qth Wth IWth Jth MonthTH AMth DDSP TMDay TMMonth FMTMDay FX') FROM ex_tc ORDER BY id;
SELECT id, to_char(ts, 'FMYYYY FMCC FMIYYY FMDDD FMIDDD FMHH12 FMMS FMUS FMFF2 FMY') FROM ex_tc ORDER BY id;
-- a backslash outside double quotes is literal unless a double quote follows
SELECT to_char(timestamp '2024-03-05 14:07:09', '\YYYY \"YYYY" "a\"b\q" x');
SELECT to_char(timestamp '2024-03-05 14:07:09', 'é YYYY "unterminated YYYY');
-- the offset patterns: a timestamp is at +00 with no zone name
SELECT to_char(timestamp '2024-03-05 14:07:09', '[TZ] [tz] OF TZH:TZM');
SELECT to_char(timestamptz '2024-03-05 14:07:09+00', 'TZ tz OF TZH:TZM FMOF');
SET TIME ZONE 'Asia/Kolkata';
SELECT to_char(timestamptz '2024-03-05 14:07:09+00', 'HH24 TZ OF TZH:TZM FMOF TZHth');
SET TIME ZONE 'America/Los_Angeles';
SELECT to_char(timestamptz '2024-01-05 14:07:09+00', 'HH24 TZ tz OF TZH:TZM');
SET TIME ZONE 'UTC';
-- an interval's fields keep their signs (MI, SS and MS of a negative
-- interval were those of a clock: 54, 53, 300)
SELECT id, to_char(iv, 'YYYY YYY YY Y Y,YYY MM DD DDD HH HH12 HH24 MI SS MS US FF1 SSSS AM CC Q RM W WW IW J') FROM ex_tc ORDER BY id;
SELECT id, to_char(iv, 'FMYYYY FMMM FMDD FMHH24 FMMI FMSS FMCC FMRM FMDDD') FROM ex_tc ORDER BY id;
SELECT to_char(time '13:05:07.25', 'HH24 HH12 AM MI SS MS US SSSS DD MM YYYY Q RM J');
-- names, weekdays, eras and zones are refused for an interval, as PostgreSQL
SELECT to_char(interval '5 days', 'Day');
SELECT to_char(interval '1 mon', 'Mon');
SELECT to_char(interval '1 mon', 'D');
SELECT to_char(interval '1 mon', 'BC');
SELECT to_char(interval '1 mon', 'TZH');
SELECT to_char(iv, 'OF') FROM ex_tc WHERE id = 1;
DROP TABLE ex_tc;
