--
-- PostgreSQL database dump
--

\restrict YIqqUmZpzt5r9lrOVlO36ghozzWs2YUELJliVbIfd1vb8UYu4b2r5sy04EYoAg5

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

ALTER TABLE IF EXISTS ONLY public.orders DROP CONSTRAINT IF EXISTS orders_customer_id_fkey;
ALTER TABLE IF EXISTS ONLY public.order_lines DROP CONSTRAINT IF EXISTS order_lines_order_id_fkey;
DROP INDEX IF EXISTS public.orders_open;
DROP INDEX IF EXISTS public.customers_token;
DROP INDEX IF EXISTS public.customers_lower_email;
ALTER TABLE IF EXISTS ONLY public.orders DROP CONSTRAINT IF EXISTS orders_pkey;
ALTER TABLE IF EXISTS ONLY public.orders DROP CONSTRAINT IF EXISTS orders_customer_id_invoice_key;
ALTER TABLE IF EXISTS ONLY public.order_lines DROP CONSTRAINT IF EXISTS order_lines_pkey;
ALTER TABLE IF EXISTS ONLY public.customers DROP CONSTRAINT IF EXISTS customers_pkey;
ALTER TABLE IF EXISTS ONLY public.customers DROP CONSTRAINT IF EXISTS customers_email_key;
ALTER TABLE IF EXISTS ONLY public.audit DROP CONSTRAINT IF EXISTS audit_pkey;
ALTER TABLE IF EXISTS public.customers ALTER COLUMN id DROP DEFAULT;
DROP TABLE IF EXISTS public.order_lines;
DROP SEQUENCE IF EXISTS public.customers_id_seq;
DROP VIEW IF EXISTS public.big_orders;
DROP TABLE IF EXISTS public.orders;
DROP SEQUENCE IF EXISTS public.invoice_no;
DROP TABLE IF EXISTS public.customers;
DROP TABLE IF EXISTS public.audit;
DROP TYPE IF EXISTS public.status;
--
-- Name: status; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.status AS ENUM (
    'draft',
    'active',
    'archived'
);


ALTER TYPE public.status OWNER TO postgres;

--
-- Name: TYPE status; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TYPE public.status IS 'lifecycle';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.audit (
    id integer NOT NULL,
    at timestamp with time zone,
    what text
);


ALTER TABLE public.audit OWNER TO postgres;

--
-- Name: audit_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.audit ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_id_seq
    START WITH 50
    INCREMENT BY 10
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: customers; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.customers (
    id integer NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    big bigint,
    balance numeric(20,4) DEFAULT 0,
    joined timestamp with time zone DEFAULT '2020-01-01 00:00:00+00'::timestamp with time zone NOT NULL,
    prefs jsonb,
    token uuid,
    avatar bytea,
    tags text[],
    state public.status DEFAULT 'draft'::public.status NOT NULL,
    CONSTRAINT customers_balance_check CHECK ((balance > ('-1000000'::integer)::numeric))
);


ALTER TABLE public.customers OWNER TO postgres;

--
-- Name: TABLE customers; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.customers IS 'people who buy';


--
-- Name: COLUMN customers.email; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON COLUMN public.customers.email IS 'login, unique';


--
-- Name: invoice_no; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.invoice_no
    START WITH 1000
    INCREMENT BY 5
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.invoice_no OWNER TO postgres;

--
-- Name: SEQUENCE invoice_no; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON SEQUENCE public.invoice_no IS 'invoice numbers';


--
-- Name: orders; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.orders (
    id bigint NOT NULL,
    customer_id integer NOT NULL,
    invoice integer DEFAULT nextval('public.invoice_no'::regclass) NOT NULL,
    total numeric NOT NULL,
    note text,
    placed date,
    CONSTRAINT orders_total_check CHECK ((total >= (0)::numeric))
);


ALTER TABLE public.orders OWNER TO postgres;

--
-- Name: big_orders; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.big_orders AS
 SELECT o.id,
    c.name,
    o.total
   FROM (public.orders o
     JOIN public.customers c ON ((c.id = o.customer_id)))
  WHERE (o.total > (100)::numeric);


ALTER TABLE public.big_orders OWNER TO postgres;

--
-- Name: VIEW big_orders; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON VIEW public.big_orders IS 'orders over 100';


--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.customers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.customers_id_seq OWNER TO postgres;

--
-- Name: customers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.customers_id_seq OWNED BY public.customers.id;


--
-- Name: order_lines; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.order_lines (
    order_id bigint NOT NULL,
    line_no smallint NOT NULL,
    sku character varying(32) NOT NULL,
    qty integer NOT NULL,
    price numeric(12,2),
    CONSTRAINT order_lines_qty_check CHECK ((qty > 0))
);


ALTER TABLE public.order_lines OWNER TO postgres;

--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.orders ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: customers id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers ALTER COLUMN id SET DEFAULT nextval('public.customers_id_seq'::regclass);


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
-- Data for Name: order_lines; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.order_lines (order_id, line_no, sku, qty, price) FROM stdin;
1	1	SKU-1	2	10.50
1	2	SKU-2	1	\N
2	1	ÅÄÖ	3	99.99
4	1	x	1	0.01
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
-- Name: audit audit_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.audit
    ADD CONSTRAINT audit_pkey PRIMARY KEY (id);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: order_lines order_lines_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.order_lines
    ADD CONSTRAINT order_lines_pkey PRIMARY KEY (order_id, line_no);


--
-- Name: orders orders_customer_id_invoice_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_id_invoice_key UNIQUE (customer_id, invoice);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: customers_lower_email; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX customers_lower_email ON public.customers USING btree (lower(email));


--
-- Name: customers_token; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX customers_token ON public.customers USING btree (token) WHERE (token IS NOT NULL);


--
-- Name: orders_open; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX orders_open ON public.orders USING btree (placed) WHERE (note IS NULL);


--
-- Name: order_lines order_lines_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.order_lines
    ADD CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id) ON DELETE CASCADE;


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict YIqqUmZpzt5r9lrOVlO36ghozzWs2YUELJliVbIfd1vb8UYu4b2r5sy04EYoAg5

