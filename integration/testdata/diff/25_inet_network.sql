-- The network address types inet, cidr, macaddr and macaddr8 (issue 11):
-- input spellings and PostgreSQL's errors, canonical output, the order
-- (family, network, mask length, host: not the text's), the operators and
-- functions, casts, result types, and table round trips with CHECKs,
-- unique indexes and comparisons with literals.
SELECT '10.1.2.3'::inet AS a, '10.1.2.3/8'::inet AS b, '10.1.2.3/32'::inet AS c, '10/8'::inet AS d, '10.1/16'::inet AS e, '1.2.3.4.'::inet AS f, '1.2.3.04'::inet AS g;
SELECT '10.0.0.0/8'::cidr AS a, '10/8'::cidr AS b, '10.1'::cidr AS c, '10'::cidr AS d, '128.1'::cidr AS e, '192.168.1'::cidr AS f, '224'::cidr AS g, '240.1.2.3'::cidr AS h, '0x0a'::cidr AS i, '1.2.3/32'::cidr AS j;
SELECT '::1'::inet AS a, '::'::inet AS b, 'FE80::1/64'::inet AS c, '::ffff:1.2.3.4'::inet AS d, '::1.2.3.4'::inet AS e, '::0.0.0.2'::inet AS f, '1:0:0:2:0:0:0:3'::inet AS g, '1:2:3:4:5:6:7::'::inet AS h, '::1:2:3:4:5:6:7'::inet AS i, '2001:DB8::/32'::cidr AS j, '::1.2'::inet AS k, '1:2:3:4:5:6:1.2.3.4'::inet AS l;
SELECT '::/0'::cidr AS a, '0.0.0.0/0'::inet AS b, '::1'::cidr AS c, '::ffff:1.2.3.4/128'::inet AS d, '1::'::cidr AS e;
SELECT 'garbage'::inet;
SELECT ''::inet;
SELECT '10'::inet;
SELECT ' 1.2.3.4'::inet;
SELECT '1.2.3.4 '::inet;
SELECT '1.2.3.256'::inet;
SELECT '1.2.3.4/33'::inet;
SELECT '1.2.3/32'::inet;
SELECT '1.2.3.4/'::inet;
SELECT '1::2::3'::inet;
SELECT '1:2:3:4:5:6:7:8:9'::inet;
SELECT '12345::'::inet;
SELECT '::1/129'::inet;
SELECT '::1/0128'::inet;
SELECT '::01.2.3.4'::inet;
SELECT '0x0a'::inet;
SELECT '10.1.2.3/8'::cidr;
SELECT 'FE80::1/64'::cidr;
SELECT '1.2.3.4.'::cidr;
SELECT 'garbage'::cidr;
SELECT inet '192.168.0.1/24' AS a, cidr '192.168.0.0/24' AS b, macaddr '08002b010203' AS c, macaddr8 '08002b0102030405' AS d;
SELECT CAST('10.1.2.3/8' AS inet) AS a, CAST('10.1' AS cidr) AS b;
-- macaddr: every spelling mac.c reads, and the errors
SELECT '08:00:2b:01:02:03'::macaddr AS a, '08-00-2b-01-02-03'::macaddr AS b, '08002b:010203'::macaddr AS c, '08002b-010203'::macaddr AS d, '0800.2b01.0203'::macaddr AS e, '0800-2b01-0203'::macaddr AS f, '08002b010203'::macaddr AS g, '08:00:2B:01:02:03'::macaddr AS h, '8:0:2b:1:2:3'::macaddr AS i, ' 08:00:2b:01:02:03 '::macaddr AS j;
SELECT '08-0x-2b-01-02-03'::macaddr AS a, '080x2b010203'::macaddr AS b, '08:00:2b:01:02:03:'::macaddr8 AS c, '08:00:2b:01:02:03:0'::macaddr8 AS d;
SELECT '08:00:2b:01:02'::macaddr;
SELECT '08:00:2b:01:02:03:04'::macaddr;
SELECT '08:00:2b:01:02:0g'::macaddr;
SELECT '08:00:2b:01:02:100'::macaddr;
SELECT 'garbage'::macaddr;
SELECT '08:00:2b:01:02:03'::macaddr8 AS a, '08:00:2b:01:02:03:04:05'::macaddr8 AS b, '08-00-2b-01-02-03-04-05'::macaddr8 AS c, '0800.2b01.0203.0405'::macaddr8 AS d, '08002b0102030405'::macaddr8 AS e, '08002B010203'::macaddr8 AS f, ' 08:00:2b:01:02:03:04:05 '::macaddr8 AS g;
SELECT '08:00:2b:01:02:03:04'::macaddr8;
SELECT '08:00-2b:01:02:03'::macaddr8;
SELECT '08:00:2b:01:02:03:04:05:06'::macaddr8;
SELECT 'garbage'::macaddr8;
-- the order: family, network bits, mask length, host bits
SELECT x FROM (VALUES ('10.0.0.1'::inet), ('9.0.0.0/16'), ('10.0.0.0/8'), ('::1'), ('10.0.0.0'), ('192.168.1.0/24'), ('::ffff:1.2.3.4'), ('2.0.0.0/7'), ('10.0.0.0/16')) v(x) ORDER BY x;
SELECT '10.0.0.0/8'::inet < '9.0.0.0/16'::inet AS a, '10.0.0.1'::inet > '10.0.0.0/8'::inet AS b, '10.0.0.0/8'::cidr = '10.0.0.0/8'::inet AS c, '1.2.3.4'::inet = '1.2.3.4/32'::inet AS d, '::1'::inet > '255.255.255.255'::inet AS e, '10.0.0.0/8'::inet <> '10.0.0.0/9'::inet AS f;
SELECT '08:00:2b:01:02:03'::macaddr < '08:00:2b:01:02:04'::macaddr AS a, '08:00:2B:01:02:03'::macaddr = '08-00-2b-01-02-03'::macaddr AS b;
SELECT '08:00:2b:01:02:03'::macaddr = '08002b010203' AS a, '1.2.3.4'::inet = '1.2.3.4/32' AS b, '08:00:2b:01:02:03'::macaddr8 = '08002b010203' AS c, '10.0.0.0/8'::cidr IN ('10/8', '11.0.0.0/8') AS d;
-- operators
SELECT '10.1.2.3'::inet << '10.0.0.0/8'::inet AS a, '10.0.0.0/8'::inet << '10.0.0.0/8'::inet AS b, '10.0.0.0/8'::inet <<= '10.0.0.0/8'::inet AS c, '10.0.0.0/8'::cidr >> '10.1.2.3'::inet AS d, '10.0.0.0/8'::cidr >>= '10.0.0.0/8'::inet AS e, '10.0.0.0/8'::inet && '10.1.0.0/16'::inet AS f, '10.0.0.0/8'::inet && '11.0.0.0/8'::inet AS g, '::1'::inet << '10.0.0.0/8'::inet AS h;
SELECT '10.1.2.3'::inet << '10.0.0.0/8' AS a, '10.0.0.0/8' >> '10.1.2.3'::inet AS b, '192.168.1.5'::inet <<= '192.168.1.0/24' AS c, '::1'::inet && '::/0' AS d;
SELECT ~'1.2.3.4/8'::inet AS a, '1.2.3.4'::inet & '0.0.255.255'::inet AS b, '1.2.3.4/24'::inet | '0.0.0.255'::inet AS c, '1.2.3.4'::cidr | '255.0.0.0/8'::inet AS d, ~'::1'::inet AS e;
SELECT '1.2.3.4'::inet & '::1'::inet;
SELECT '1.2.3.4'::inet | '::1'::inet;
SELECT '1.2.3.4'::inet + 1 AS a, 1 + '1.2.3.4'::inet AS b, '1.2.3.4'::inet - 1 AS c, '1.2.3.4'::inet - '1.2.3.0'::inet AS d, '1.2.3.0'::inet - '1.2.3.4'::inet AS e, '10.0.0.0/8'::cidr + 256 AS f, '::1'::inet + 65535 AS g, '::ffff'::inet - '::1'::inet AS h;
SELECT '255.255.255.255'::inet + 1;
SELECT '0.0.0.0'::inet - 1;
SELECT '::1'::inet - '1.2.3.4'::inet;
SELECT ~'08:00:2b:01:02:03'::macaddr AS a, '08:00:2b:01:02:03'::macaddr & 'ff:ff:ff:00:00:00'::macaddr AS b, '08:00:2b:01:02:03'::macaddr | '00:00:00:ff:ff:ff'::macaddr AS c;
-- functions
SELECT host('10.1.2.3/8'::inet) AS a, host('::ffff:1.2.3.4/100'::inet) AS b, text('1.2.3.4'::inet) AS c, text('10.0.0.0/8'::cidr) AS d, abbrev('10.1.0.0/16'::cidr) AS e, abbrev('10.1.0.0/16'::inet) AS f, abbrev('10.1.2.0/23'::cidr) AS g, abbrev('0.0.0.0/0'::cidr) AS h, abbrev('2001:db8::/32'::cidr) AS i, abbrev('::ffff:1.2.3.0/120'::cidr) AS j;
SELECT masklen('1.2.3.4/7'::inet) AS a, masklen('::1'::inet) AS b, family('::1'::inet) AS c, family('1.2.3.4'::cidr) AS d, network('10.1.2.3/8'::inet) AS e, netmask('10.1.2.3/8'::inet) AS f, hostmask('10.1.2.3/8'::inet) AS g, broadcast('10.1.2.3/8'::inet) AS h, netmask('fe80::1/10'::inet) AS i, hostmask('::1/120'::inet) AS j, broadcast('fe80::1/64'::inet) AS k;
SELECT set_masklen('10.1.2.3/8'::inet, 16) AS a, set_masklen('10.1.0.0/16'::cidr, 8) AS b, set_masklen('10.1.2.3'::inet, -1) AS c, set_masklen('::1'::inet, 64) AS d, inet_same_family('1.2.3.4'::inet, '::1'::inet) AS e, inet_same_family('1.2.3.4'::inet, '4.3.2.1'::inet) AS f, inet_merge('10.1.2.3'::inet, '10.1.3.3'::inet) AS g, inet_merge('10.0.0.0/8'::inet, '10.1.0.0/16'::cidr) AS h;
SELECT abbrev('10.1.0.0/16') AS a, set_masklen('10.1.2.3/8', 16) AS b, host('::1') AS c, masklen('10.0.0.0/8') AS d;
SELECT set_masklen('1.2.3.4'::inet, 33);
SELECT set_masklen('1.2.3.0/24'::cidr, -2);
SELECT inet_merge('1.2.3.4'::inet, '::1'::inet);
SELECT trunc('08:00:2b:01:02:03'::macaddr) AS a, trunc('08:00:2b:01:02:03:04:05'::macaddr8) AS b, macaddr8_set7bit('08:00:2b:01:02:03:04:05'::macaddr8) AS c;
-- casts between the types and to text
SELECT '1.2.3.4'::inet::text AS a, '::1'::inet::text AS b, '10.0.0.0/8'::cidr::text AS c, '10.1.2.3/8'::inet::cidr AS d, '10.0.0.0/8'::cidr::inet AS e, CAST('1.2.3.4' AS inet)::varchar AS f, '08-00-2B-01-02-03'::macaddr::text AS g;
SELECT '08:00:2b:ff:fe:01:02:03'::macaddr8::macaddr AS a, '08:00:2b:01:02:03'::macaddr::macaddr8 AS b;
SELECT '08:00:2b:01:02:03:04:05'::macaddr8::macaddr;
SELECT 5::inet;
-- tables: enforced, stored canonical, ordered, indexed
CREATE TABLE n25net_hosts (id int PRIMARY KEY, addr inet UNIQUE, net cidr, mac macaddr, mac8 macaddr8);
INSERT INTO n25net_hosts VALUES (1, '10.1.2.3/8', '10/8', '08002b010203', '08:00:2b:01:02:03'),
 (2, '192.168.1.5/24', '192.168.1', '08-00-2B-01-02-04', '0800.2b01.0203.0405'),
 (3, '::ffff:10.0.0.1', '::ffff:10.0.0.0/120', '0800.2b01.0205', '08002b0102030406'),
 (4, '9.9.9.9', '9.0.0.0/8', '08:00:2b:01:02:06', '08:00:2b:01:02:07'),
 (5, 'fe80::1/64', 'fe80::/10', NULL, NULL),
 (6, '10.0.0.0/8', '10.0.0.0/16', '0800-2b01-0207', NULL);
INSERT INTO n25net_hosts (id, addr) VALUES (7, 'garbage');
INSERT INTO n25net_hosts (id, net) VALUES (7, '10.1.2.3/8');
INSERT INTO n25net_hosts (id, mac) VALUES (7, '08:00:2b:01:02');
INSERT INTO n25net_hosts (id, mac8) VALUES (7, '08:00:2b:01:02:03:04');
INSERT INTO n25net_hosts (id, addr) VALUES (7, '9.9.9.9/32');
SELECT * FROM n25net_hosts ORDER BY id;
SELECT id, addr FROM n25net_hosts ORDER BY addr;
SELECT id, net FROM n25net_hosts ORDER BY net DESC;
SELECT id, mac FROM n25net_hosts ORDER BY mac NULLS FIRST;
SELECT min(addr), max(addr), min(net), max(net) FROM n25net_hosts;
SELECT min(mac), max(mac8) FROM n25net_hosts;
SELECT id FROM n25net_hosts WHERE addr = '9.9.9.9/32';
SELECT id FROM n25net_hosts WHERE addr > '10.0.0.0/8' ORDER BY id;
SELECT id FROM n25net_hosts WHERE addr << '10.0.0.0/8' ORDER BY id;
SELECT id FROM n25net_hosts WHERE addr <<= '10.0.0.0/8' ORDER BY id;
SELECT id FROM n25net_hosts WHERE net >> '10.1.2.3' ORDER BY id;
SELECT id FROM n25net_hosts WHERE mac = '08002B010204';
SELECT id FROM n25net_hosts WHERE mac8 = '08:00:2b:01:02:03';
SELECT a.id FROM n25net_hosts a, n25net_hosts b WHERE a.mac = '08002B010204' AND b.id = a.id AND a.addr = '192.168.1.5/24' AND b.mac8 = '0800.2b01.0203.0405';
SELECT a.id, b.id FROM n25net_hosts a JOIN n25net_hosts b ON a.addr << b.net ORDER BY 1, 2;
SELECT id, addr << net AS inside, host(addr), masklen(addr), family(addr), network(addr), abbrev(net), abbrev(addr), set_masklen(addr, 16), text(addr), addr::text, net::text, addr::cidr FROM n25net_hosts WHERE id < 5 ORDER BY id;
-- differs-type: operators on columns the translation cannot type are decided by the values and described by them (text)
SELECT id, addr + 1, addr - 1, addr - '0.0.0.0'::inet, ~addr, addr & '255.255.0.0', mac & 'ff:ff:ff:00:00:00', trunc(mac) FROM n25net_hosts WHERE id IN (1, 4) ORDER BY id;
UPDATE n25net_hosts SET addr = '9.9.9.10', mac = '0800.2b01.0299' WHERE id = 4;
UPDATE n25net_hosts SET net = '9.9.9.9/8' WHERE id = 4;
SELECT addr, mac FROM n25net_hosts WHERE id = 4;
CREATE INDEX n25net_hosts_net ON n25net_hosts (net);
SELECT id FROM n25net_hosts WHERE net >= '10.0.0.0/8' AND net < '11.0.0.0/8' ORDER BY net;
SELECT net, count(*) FROM n25net_hosts GROUP BY net ORDER BY net;
SELECT DISTINCT mac FROM n25net_hosts WHERE mac IS NOT NULL ORDER BY mac;
-- the operators in a CHECK and an index's WHERE (not SQLite's integer shift)
CREATE TABLE n25net_chk (id int PRIMARY KEY, a inet CHECK (a << '10.0.0.0/8'), c cidr, CHECK (c >>= '10.1.2.0/24'::cidr));
INSERT INTO n25net_chk VALUES (1, '10.1.2.3', '10.1.0.0/16');
INSERT INTO n25net_chk VALUES (2, '11.1.2.3', '10.1.0.0/16');
INSERT INTO n25net_chk VALUES (3, '10.1.2.4', '10.2.0.0/16');
CREATE INDEX n25net_chk_a ON n25net_chk (a) WHERE a <<= '10.1.0.0/16';
SELECT id, a, c FROM n25net_chk WHERE a <<= '10.1.0.0/16' ORDER BY a;
