-- Orleans.Fin: registry of the SQL statements the Orleans ADO.NET providers execute.
--
-- Every provider (clustering, grain persistence, reminders) starts by running
--   SELECT QueryKey, QueryText FROM OrleansQuery
-- and then only ever executes the text stored under the keys it knows. The later
-- scripts (010-, 020-, 030-) create their tables and register their statements here.
--
-- Target: PostgreSQL 15, ADO.NET invariant "Npgsql". Safe to run any number of times.

SET client_min_messages = warning;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);

COMMENT ON TABLE OrleansQuery IS
    'Statements looked up by key by the Orleans ADO.NET providers; parameters are written as @Name.';
