-- Orleans.Fin: grain state for Microsoft.Orleans.Persistence.AdoNet (AddAdoNetGrainStorage).
--
-- Model
--   * One row per (service, grain type, grain id). A grain id arrives as two 64-bit numbers
--     (N0, N1) plus an optional string (the string key or the key extension).
--   * GrainKey is a SHA-256 digest of those identifying columns and is the primary key, so
--     long string keys are fine and two activations cannot both create the same row.
--     Every statement also compares the identifying columns themselves.
--   * Version is the grain's ETag: 1 on first write, +1 on every write or clear (wrapping
--     from 2147483647 back to 1). A write, clear or delete must present the version it last
--     read; otherwise nothing changes, the statement yields NULL and Orleans raises
--     InconsistentStateException.
--   * Clearing keeps the row with PayloadBinary = NULL (reads then report "no record" with a
--     version); deleting (DeleteStateOnClear = true) removes the row.
--   * The payload is whatever the configured grain storage serializer produced (@PayloadBinary).
--
-- Requires 001-orleans-query.sql. Safe to run any number of times.

SET client_min_messages = warning;

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainKey               bytea         NOT NULL,
    ServiceId              varchar(150)  NOT NULL,
    GrainTypeString        varchar(512)  NOT NULL,
    GrainIdN0              bigint        NOT NULL,
    GrainIdN1              bigint        NOT NULL,
    GrainIdExtensionString varchar(1024) NULL,
    GrainTypeHash          integer       NOT NULL,
    GrainIdHash            integer       NOT NULL,
    PayloadBinary          bytea         NULL,
    Version                integer       NOT NULL,
    ModifiedOn             timestamptz   NOT NULL DEFAULT now(),

    CONSTRAINT PK_OrleansStorage PRIMARY KEY (GrainKey)
);

-- A payload past about 2 KB is compressed as it is stored. PostgreSQL's own method (pglz) took about a third of the
-- server's CPU under the payments load (a risk grain's state is tens of KB of JSON); lz4 compresses several times
-- faster. Payloads written from now on use it; rows already stored keep pglz and read as before. The change takes an
-- exclusive lock on the table, so it is made only while the column is not lz4 yet, and gives up after 5 s rather than
-- stall grain storage behind a long reader (the next run of this script tries again). A server built without lz4
-- keeps pglz.
DO $do$
DECLARE
    previous_timeout text := current_setting('lock_timeout');
BEGIN
    IF EXISTS (SELECT 1 FROM pg_attribute
               WHERE attrelid = 'orleansstorage'::regclass AND attname = 'payloadbinary' AND attcompression <> 'l') THEN
        PERFORM set_config('lock_timeout', '5s', true);
        ALTER TABLE OrleansStorage ALTER COLUMN PayloadBinary SET COMPRESSION lz4;
        PERFORM set_config('lock_timeout', previous_timeout, true);
    END IF;
EXCEPTION
    WHEN feature_not_supported THEN
        RAISE WARNING 'this server has no lz4: grain payloads stay compressed with pglz';
    WHEN lock_not_available THEN
        RAISE WARNING 'OrleansStorage is busy: payloads stay compressed with pglz until this script runs again';
END
$do$;

-- Digest of a grain's identity. Each part is length-prefixed so that no two different
-- identities can produce the same input text.
CREATE OR REPLACE FUNCTION orleans_storage_key(
    p_service_id text,
    p_grain_type text,
    p_n0         bigint,
    p_n1         bigint,
    p_extension  text)
RETURNS bytea
LANGUAGE sql
STABLE
AS $fn$
    SELECT sha256(convert_to(
               length(p_service_id)::text || ':' || p_service_id || '|'
            || length(p_grain_type)::text || ':' || p_grain_type || '|'
            || p_n0::text || '|' || p_n1::text || '|'
            || coalesce(length(p_extension)::text || ':' || p_extension, '-'),
           'UTF8'));
$fn$;

-- Next ETag value after v (1 .. 2147483647, then back to 1).
CREATE OR REPLACE FUNCTION orleans_storage_next_version(v integer)
RETURNS integer
LANGUAGE sql
IMMUTABLE
AS $fn$
    SELECT v % 2147483647 + 1;
$fn$;

-- Zero or one row: the stored payload (NULL after a clear) and its version.
CREATE OR REPLACE FUNCTION orleans_storage_read(
    p_service_id text,
    p_grain_type text,
    p_n0         bigint,
    p_n1         bigint,
    p_extension  text)
RETURNS TABLE (payload bytea, version integer)
LANGUAGE sql
STABLE
AS $fn$
    SELECT s.PayloadBinary, s.Version
      FROM OrleansStorage AS s
     WHERE s.GrainKey = orleans_storage_key(p_service_id, p_grain_type, p_n0, p_n1, p_extension)
       AND s.ServiceId = p_service_id
       AND s.GrainTypeString = p_grain_type
       AND s.GrainIdN0 = p_n0
       AND s.GrainIdN1 = p_n1
       AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_extension;
$fn$;

-- Stores a new payload. p_expected NULL means "the grain saw no row": insert, and fail if
-- a row exists. Otherwise update only the row still at version p_expected.
-- Returns the new version, or NULL when nothing was written.
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_service_id text,
    p_grain_type text,
    p_n0         bigint,
    p_n1         bigint,
    p_extension  text,
    p_type_hash  integer,
    p_id_hash    integer,
    p_expected   integer,
    p_payload    bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    k          bytea := orleans_storage_key(p_service_id, p_grain_type, p_n0, p_n1, p_extension);
    new_version integer;
BEGIN
    IF p_expected IS NULL THEN
        INSERT INTO OrleansStorage
            (GrainKey, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
             GrainTypeHash, GrainIdHash, PayloadBinary, Version, ModifiedOn)
        VALUES
            (k, p_service_id, p_grain_type, p_n0, p_n1, p_extension,
             p_type_hash, p_id_hash, p_payload, 1, now())
        ON CONFLICT (GrainKey) DO NOTHING
        RETURNING Version INTO new_version;
        RETURN new_version;
    END IF;

    UPDATE OrleansStorage AS s
       SET PayloadBinary = p_payload,
           Version = orleans_storage_next_version(s.Version),
           ModifiedOn = now()
     WHERE s.GrainKey = k
       AND s.ServiceId = p_service_id
       AND s.GrainTypeString = p_grain_type
       AND s.GrainIdN0 = p_n0
       AND s.GrainIdN1 = p_n1
       AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_extension
       AND s.Version = p_expected
    RETURNING s.Version INTO new_version;
    RETURN new_version;
END;
$fn$;

-- Empties the payload of the row still at version p_expected (the row and its version
-- history stay). Returns the new version, or NULL when nothing changed.
CREATE OR REPLACE FUNCTION orleans_storage_clear(
    p_service_id text,
    p_grain_type text,
    p_n0         bigint,
    p_n1         bigint,
    p_extension  text,
    p_expected   integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version integer;
BEGIN
    UPDATE OrleansStorage AS s
       SET PayloadBinary = NULL,
           Version = orleans_storage_next_version(s.Version),
           ModifiedOn = now()
     WHERE s.GrainKey = orleans_storage_key(p_service_id, p_grain_type, p_n0, p_n1, p_extension)
       AND s.ServiceId = p_service_id
       AND s.GrainTypeString = p_grain_type
       AND s.GrainIdN0 = p_n0
       AND s.GrainIdN1 = p_n1
       AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_extension
       AND s.Version = p_expected
    RETURNING s.Version INTO new_version;
    RETURN new_version;
END;
$fn$;

-- Removes the row still at version p_expected. Returns a value different from p_expected
-- (the version the row would have had next) on success, NULL when nothing was removed.
CREATE OR REPLACE FUNCTION orleans_storage_delete(
    p_service_id text,
    p_grain_type text,
    p_n0         bigint,
    p_n1         bigint,
    p_extension  text,
    p_expected   integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    gone_version integer;
BEGIN
    DELETE FROM OrleansStorage AS s
     WHERE s.GrainKey = orleans_storage_key(p_service_id, p_grain_type, p_n0, p_n1, p_extension)
       AND s.ServiceId = p_service_id
       AND s.GrainTypeString = p_grain_type
       AND s.GrainIdN0 = p_n0
       AND s.GrainIdN1 = p_n1
       AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_extension
       AND s.Version = p_expected
    RETURNING orleans_storage_next_version(s.Version) INTO gone_version;
    RETURN gone_version;
END;
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
('ReadFromStorageKey', $q$
SELECT r.payload AS PayloadBinary,
       r.version AS Version
  FROM orleans_storage_read(
           @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString) AS r;
$q$),

('WriteToStorageKey', $q$
SELECT orleans_storage_write(
           @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainTypeHash, @GrainIdHash, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion;
$q$),

('ClearStorageKey', $q$
SELECT orleans_storage_clear(
           @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainStateVersion) AS NewGrainStateVersion;
$q$),

('DeleteStorageKey', $q$
SELECT orleans_storage_delete(
           @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainStateVersion) AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE
    SET QueryText = EXCLUDED.QueryText
    WHERE OrleansQuery.QueryText IS DISTINCT FROM EXCLUDED.QueryText;
