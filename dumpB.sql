--
-- PostgreSQL database dump
--

\restrict bdVfOMPzkoTTBH3ddTnEuzgd4iuwQvpKGRl28O1cFxv5t1JIzK8nyc4yUrJQ0qU

-- Dumped from database version 15.0 (raftsql 0.1.0)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', 'public', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: mood; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.mood AS ENUM (
    'sad',
    'ok',
    'happy'
);


ALTER TYPE public.mood OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: authors; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.authors (
    id integer DEFAULT nextval(pg_regclass('public.authors_id_seq')) NOT NULL,
    name text NOT NULL,
    email character varying(200),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    active boolean DEFAULT true
);


ALTER TABLE public.authors OWNER TO postgres;

--
-- Name: authors_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.authors_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.authors_id_seq OWNER TO postgres;

--
-- Name: books; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.books (
    id bigint DEFAULT nextval(pg_regclass('books_id_seq')) NOT NULL,
    author_id integer NOT NULL,
    title text NOT NULL,
    price numeric(10,2),
    published date,
    meta jsonb,
    uid uuid,
    cover bytea,
    feel public.mood DEFAULT 'ok',
    CONSTRAINT books_price_check CHECK (price >= 0)
);


ALTER TABLE public.books OWNER TO postgres;

--
-- Name: books_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.books_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.books_id_seq OWNER TO postgres;

--
-- Name: cheap_books; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.cheap_books AS
 SELECT id, title, price FROM public.books WHERE price < 10;


ALTER TABLE public.cheap_books OWNER TO postgres;

--
-- Name: order_no; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.order_no
    START WITH 100
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.order_no OWNER TO postgres;

--
-- Data for Name: authors; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.authors (id, name, email, created_at, active) FROM stdin;
1	O'Brien	\N	2026-12-04 23:54:32+00	t
2	Ann "quote"	a@b.c	2026-12-04 23:54:32+00	t
\.


--
-- Data for Name: books; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.books (id, author_id, title, price, published, meta, uid, cover, feel) FROM stdin;
1	1	It's	9.50	2020-01-02	{"a": [1, 2]}	a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11	\\xdeadbeef	happy
2	2	Tab\tand \\ backslash	\N	\N	\N	\N	\N	\N
\.


--
-- Name: authors_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.authors_id_seq', 2, true);


--
-- Name: books_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.books_id_seq', 2, true);


--
-- Name: order_no; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.order_no', 100, true);


--
-- Name: authors authors_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.authors
    ADD CONSTRAINT authors_pkey PRIMARY KEY (id);


--
-- Name: books books_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.books
    ADD CONSTRAINT books_pkey PRIMARY KEY (id);


--
-- Name: authors_name_key; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX authors_name_key ON public.authors USING btree (name);


--
-- Name: books_author_id_title_key; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX books_author_id_title_key ON public.books USING btree (author_id, title);


--
-- Name: books_lower_title; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX books_lower_title ON public.books USING btree (lower(title));


--
-- Name: books_pub_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX books_pub_idx ON public.books USING btree (published);


--
-- Name: books_uid_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX books_uid_idx ON public.books USING btree (uid) WHERE ((uid IS NOT NULL));


--
-- Name: books books_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.books
    ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict bdVfOMPzkoTTBH3ddTnEuzgd4iuwQvpKGRl28O1cFxv5t1JIzK8nyc4yUrJQ0qU

