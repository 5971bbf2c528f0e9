CREATE TABLE users (id SERIAL PRIMARY KEY, name text NOT NULL, email varchar(255) UNIQUE, created_at timestamp with time zone DEFAULT now(), balance numeric(12,2) DEFAULT 0, active boolean DEFAULT true);
CREATE TABLE orders (id bigserial PRIMARY KEY, user_id int REFERENCES users(id), amount double precision CHECK (amount >= 0), note text, data bytea);
CREATE INDEX orders_user_idx ON orders (user_id);
CREATE VIEW active_users AS SELECT id, name FROM users WHERE active;
create table pgbench_branches(bid int not null,bbalance int,filler char(88)) with (fillfactor=100);
alter table pgbench_branches add primary key (bid);
CREATE TABLE items (code text PRIMARY KEY, qty smallint NOT NULL DEFAULT 1, price real, label varchar DEFAULT 'x', ts timestamp, d date);
