--
-- PostgreSQL database dump
--

\restrict IoLwznB0vaJHeHfGJyxx0Rzrtt7TBdR3oy0dofp2ZC0SrJweCkawY7sFM0CYDEd

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: audit; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.audit (id, at, what) FROM stdin;
50	2026-12-06 00:42:32.254823+00	created
60	\N	\N
\.


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.customers (id, email, name, big, balance, joined, prefs, token, avatar, tags, state) FROM stdin;
1	o'brien@x.org	O'Brien	9223372036854775807	12345678901234.5678	2021-03-04 03:06:07.123456+00	{"a": [1, 2.50, null], "b": "x\\"y", "ü": true}	a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11	\\xdeadbeef00	{one,"two words","q\\"uote",NULL}	active
2	tab@x.org	Tab\there and back\\slash	-9223372036854775808	-999999.9999	1999-12-31 23:59:59+00	[]	\N	\\x	{}	archived
3	null@x.org	Ünïcödé ✓ 日本	\N	\N	2024-02-29 20:00:00+00	\N	\N	\N	\N	draft
\.


--
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.orders (id, customer_id, invoice, total, note, placed) FROM stdin;
1	1	1000	150.00	\N	2023-01-01
2	1	1005	99999999999999999999.123456789	huge	2023-01-02
3	2	1010	0	quote ' and "dq"	\N
4	3	1015	0.000000001	\N	2023-06-30
\.


--
-- Data for Name: order_lines; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.order_lines (order_id, line_no, sku, qty, price) FROM stdin;
1	1	SKU-1	2	10.50
1	2	SKU-2	1	\N
2	1	ÅÄÖ	3	99.99
4	1	x	1	0.01
\.


--
-- Name: audit_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.audit_id_seq', 60, true);


--
-- Name: customers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.customers_id_seq', 4, true);


--
-- Name: invoice_no; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.invoice_no', 1020, true);


--
-- Name: orders_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.orders_id_seq', 4, true);


--
-- PostgreSQL database dump complete
--

\unrestrict IoLwznB0vaJHeHfGJyxx0Rzrtt7TBdR3oy0dofp2ZC0SrJweCkawY7sFM0CYDEd

