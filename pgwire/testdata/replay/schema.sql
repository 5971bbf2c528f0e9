-- The schema the psql traces describe (users, orders, a view, a second schema).
CREATE TABLE users (
	id serial PRIMARY KEY,
	name text NOT NULL,
	email varchar(255) UNIQUE,
	created_at timestamptz DEFAULT now(),
	balance numeric(12,2) DEFAULT 0,
	active boolean DEFAULT true
);
CREATE INDEX users_name_idx ON users (name);
CREATE TABLE orders (
	id bigserial PRIMARY KEY,
	user_id int REFERENCES users (id),
	amount float8 CHECK (amount >= 0),
	note text,
	data bytea
);
CREATE VIEW active_users AS SELECT id, name FROM users WHERE active;
CREATE SCHEMA app;
CREATE TABLE app.things (k text PRIMARY KEY, v jsonb);
INSERT INTO users (name, email) VALUES ('alice', 'a@x'), ('bob', 'b@x');
