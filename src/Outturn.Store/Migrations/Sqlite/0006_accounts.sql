-- Version 6 (SQLite): the web app's accounts and the keys that protect its cookies.

-- One account per person: a unique name, one role, the password as ASP.NET Core Identity's PasswordHasher hashes it
-- (null for an account that signs in with Microsoft Entra ID only), failed sign-ins since the last good one, and the
-- moment a lock-out ends (UTC ISO 8601 text, null when not locked).
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'manager', 'member')),
    password_hash TEXT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX users_name ON users (name);

-- The data protection key ring as XML elements, so every web instance on one store reads the others' cookies.
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT NOT NULL,
    xml TEXT NOT NULL,
    created_at TEXT NOT NULL
);
UPDATE outturn_schema SET version = 6;
