CREATE TABLE users (
    id integer PRIMARY KEY,
    email varchar(100) NOT NULL,
    name text NOT NULL,
    score integer DEFAULT 0
);
CREATE UNIQUE INDEX users_email_idx ON users (email);
CREATE VIEW active_users AS SELECT id, email FROM users WHERE score > 0;
INSERT INTO users (id, email, name, score) VALUES (1, 'ann@example.com', 'Ann', 3), (2, 'bob@example.com', 'Bob', 0);
