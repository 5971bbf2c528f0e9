-- types2_xml: xml as PostgreSQL 15's xml_in (xmloption content): well-
-- formed content or 2200N, output as xml_out prints it (a plain XML
-- declaration dropped), no comparison operators.
SELECT '<a>x</a>'::xml, 'text only'::xml, '<a/><b/>'::xml, ''::xml;
-- differs: a plain XML declaration is printed as stored; PostgreSQL's xml_out drops it
SELECT '<?xml version="1.0"?><a/>'::xml;
SELECT '<a attr="1">x</a>'::xml, '<!-- c --><a/>'::xml, '<![CDATA[<x>]]>'::xml, '<!DOCTYPE a><a/>'::xml, '<?pi data?><a>&amp;&#65;</a>'::xml;
-- differs: a plain XML declaration is printed as stored; PostgreSQL's xml_out drops it
SELECT '<?xml version="1.0" encoding="UTF-8"?>
<a/>'::xml, '<?xml version="1.0" standalone="yes"?><a/>'::xml;
-- differs-message: libxml2's DETAIL (line and caret) is not reproduced
SELECT '<a>'::xml;
-- differs-message: libxml2's DETAIL (line and caret) is not reproduced
SELECT '<a></b>'::xml;
-- differs-message: libxml2's DETAIL (line and caret) is not reproduced
SELECT '&foo;'::xml;
-- differs-message: libxml2's DETAIL (line and caret) is not reproduced
SELECT '<a attr=1>x</a>'::xml;
-- differs-message: libxml2's DETAIL (line and caret) is not reproduced
SELECT '<a/><?xml version="1.0"?>'::xml;
SELECT '<a>x</a>'::xml = '<a>x</a>'::xml;
SELECT '<a/>'::xml::text, '<a/>'::xml || 'x';
CREATE TABLE n25x_t (id int, x xml);
INSERT INTO n25x_t VALUES (1, '<a> b </a>'), (2, 'plain &amp; text'), (3, NULL), (4, '<?xml version="1.0"?><r><c/></r>'), (6, '1.50');
-- differs-message: libxml2's DETAIL (line and caret) is not reproduced
INSERT INTO n25x_t VALUES (5, 'plain & text');
-- differs-message: libxml2's DETAIL (line and caret) is not reproduced
INSERT INTO n25x_t VALUES (5, '<a');
-- differs-message: libxml2's DETAIL (line and caret) is not reproduced
UPDATE n25x_t SET x = '<b>' WHERE id = 1;
-- differs: a plain XML declaration is printed as stored; PostgreSQL's xml_out drops it
SELECT * FROM n25x_t ORDER BY id;
SELECT id, x::text FROM n25x_t ORDER BY id;
SELECT id FROM n25x_t ORDER BY x;
SELECT id, x = x FROM n25x_t ORDER BY id;
