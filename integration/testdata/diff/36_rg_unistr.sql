-- unistr is PostgreSQL's: an unpaired or misordered UTF-16 surrogate is
-- 42601 (SQLite's built-in dropped it silently: 'wrong: \db99' was
-- "wrong: "), a code point past U+10FFFF 22023, a bad escape 42601 with
-- PostgreSQL's HINT (an internal XX000 before). From PostgreSQL's
-- regression strings.sql.
SELECT unistr('\0064at\+0000610');
SELECT unistr('wrong: \db99');
SELECT unistr('wrong: \db99\0061');
SELECT unistr('wrong: \+00db99\+000061');
SELECT unistr('wrong: \+2FFFFF');
SELECT unistr('wrong: \udb99\u0061');
SELECT unistr('wrong: \U0000db99\U00000061');
SELECT unistr('wrong: \U002FFFFF');
SELECT unistr('wrong: \xyz');
SELECT unistr('wrong: \12');
SELECT unistr('wrong: \dc00\d800');
SELECT unistr('a\\b');
SELECT unistr('d\u0061t\U00000061');
SELECT unistr('\d83d\de00');
SELECT unistr('\+01F600 \D83D\DE00');
SELECT unistr(NULL);
SELECT unistr('\0000');
