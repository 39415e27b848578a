-- Version 6 (PostgreSQL): Sqlite/0006_accounts.sql in PostgreSQL's words: the web app's accounts and the keys that
-- protect its cookies.
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'manager', 'member')),
    password_hash TEXT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX users_name ON users (name);

CREATE TABLE data_protection_keys (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name TEXT NOT NULL,
    xml TEXT NOT NULL,
    created_at TEXT NOT NULL
);
UPDATE outturn_schema SET version = 6;
