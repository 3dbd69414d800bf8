-- Orleans.Fin: finding and sweeping orphaned cold parts of risk states (deploy/scripts/sweep-risk-parts.sh).
--
-- Model (docs/ARCHITECTURE.md, "The risk state in parts")
--   * A risk grain's state is the row of state name 'risk'. Stored in parts, its JSON payload names the cold part it
--     reads its windows from: {"Parts": {"Id": "<id>", ...}, ...} (System.Text.Json, property names as in the C#
--     types). The cold part is a row of the same grain (same ServiceId, GrainIdN0, GrainIdN1, GrainIdExtensionString)
--     under the state name 'riskWindows-<id>'. Both providers (group commit and ADO.NET) write the state name as
--     GrainTypeString.
--   * The grain writes a new part, then the state that refers to it, then deletes the part it replaced. A process
--     killed between the first two writes, a state write that failed for good, or a delete that failed leaves a part
--     row no state refers to: an orphan. A state referring to a part whose row is missing or cleared is dangling: the
--     grain refuses to activate (an operator acts; the sweep does not cause it while its minimum age holds, see below).
--
-- Why a minimum age. A part is written before the state that refers to it, so a young part nobody refers to yet may
-- be one whose state write is still on its way: in a group-commit batch, behind a row lock, or a write whose answer
-- was lost and that lands late. Only parts last modified at least p_min_age ago (on the server's clock, which also
-- sets ModifiedOn) are swept; the script's default is 1 hour, and it refuses less than 10 minutes unless told that no
-- silo runs. A writer abandons a statement after Npgsql's command timeout (30 s) and asks the server to cancel it, but
-- the server sets no statement_timeout of its own, so the age is the margin for a write held far longer (a deployment
-- may set statement_timeout for the grain-storage role to bound it). Within that, the sweep also re-checks each part at delete time, in
-- the same statement, against the newest committed version of its grain's risk state, which it locks while it
-- deletes (a state being written at that moment is skipped: its part is kept for a later run).
--
-- When in doubt, keep: a risk payload that is not UTF-8 JSON, or whose Parts is not shaped as expected, refers to an
-- unknown part, and every part of that grain is kept (and not reported as orphaned).
--
-- Requires 020-persistence.sql. Read-only functions are STABLE, so each reads one snapshot. Safe to run any number
-- of times.

SET client_min_messages = warning;

-- The cold part a risk state's payload refers to: its id; '' when it surely refers to none (no payload, or a JSON
-- object without Parts, or Parts null); NULL when that cannot be told (not UTF-8, not JSON, not an object, Parts or
-- its Id of another shape, or a property named like Parts in other letter case). The one place the payload is parsed.
CREATE OR REPLACE FUNCTION fin_risk_state_part(p_payload bytea)
RETURNS text
LANGUAGE plpgsql
STABLE -- not IMMUTABLE: convert_from and lower depend on settings; parallel unsafe (the default): the EXCEPTION block starts a subtransaction
AS $fn$
DECLARE
    doc   json;
    parts json;
    id    json;
BEGIN
    IF p_payload IS NULL THEN
        RETURN '';
    END IF;

    BEGIN
        doc := convert_from(p_payload, 'UTF8')::json;
        IF json_typeof(doc) IS DISTINCT FROM 'object' THEN
            RETURN NULL;
        END IF;
        -- The storage serializer reads property names as written; another casing might still be read by a reader
        -- that ignores case, so it is not taken as "no part".
        IF EXISTS (SELECT 1 FROM json_object_keys(doc) AS k WHERE lower(k) = 'parts' AND k <> 'Parts') THEN
            RETURN NULL;
        END IF;

        parts := doc -> 'Parts';
        IF parts IS NULL OR json_typeof(parts) = 'null' THEN
            RETURN '';
        END IF;
        IF json_typeof(parts) <> 'object'
           OR EXISTS (SELECT 1 FROM json_object_keys(parts) AS k WHERE lower(k) = 'id' AND k <> 'Id') THEN
            RETURN NULL;
        END IF;

        id := parts -> 'Id';
        IF id IS NULL OR json_typeof(id) <> 'string' THEN
            RETURN NULL;
        END IF;
        RETURN nullif(id #>> '{}', '');
    EXCEPTION
        -- Class 22: bytes that are not UTF-8, text that is not JSON, escapes PostgreSQL cannot hold as text.
        WHEN data_exception THEN
            RETURN NULL;
    END;
END;
$fn$;

-- The moment a part must have been last modified at or before to count as old enough. p_min_age must be given and
-- not negative.
CREATE OR REPLACE FUNCTION fin_risk_parts_cutoff(p_min_age interval)
RETURNS timestamptz
LANGUAGE plpgsql
STABLE
AS $fn$
BEGIN
    IF p_min_age IS NULL OR p_min_age < interval '0' THEN
        RAISE EXCEPTION 'minimum age must be given and not negative: %', p_min_age
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN now() - p_min_age;
END;
$fn$;

-- How many parts one sweep statement takes at most: p_limit, which must be given and positive.
CREATE OR REPLACE FUNCTION fin_risk_parts_batch(p_limit integer)
RETURNS integer
LANGUAGE plpgsql
IMMUTABLE
AS $fn$
BEGIN
    IF p_limit IS NULL OR p_limit < 1 THEN
        RAISE EXCEPTION 'a sweep takes at least one part at a time: %', p_limit
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN p_limit;
END;
$fn$;

-- Every cold-part row of the service (stored or cleared) that the same grain's risk state does not refer to, of any
-- age: the grain has no risk row, or its payload refers to no part or to another one. A risk payload that cannot be
-- read keeps all of its grain's parts out of this list.
CREATE OR REPLACE FUNCTION fin_risk_parts_unreferenced(p_service_id text)
RETURNS TABLE (n0 bigint, n1 bigint, extension text, part_id text, modified_on timestamptz)
LANGUAGE sql
STABLE
AS $fn$
    SELECT p.GrainIdN0, p.GrainIdN1, p.GrainIdExtensionString, substr(p.GrainTypeString, 13), p.ModifiedOn
      FROM OrleansStorage AS p
      LEFT JOIN LATERAL (
               SELECT true AS found, fin_risk_state_part(s.payload) AS refers_to
                 FROM orleans_storage_read(p_service_id, 'risk', p.GrainIdN0, p.GrainIdN1, p.GrainIdExtensionString) AS s
                OFFSET 0
           ) AS st ON true
     WHERE p.ServiceId = p_service_id
       AND starts_with(p.GrainTypeString, 'riskWindows-')
       AND CASE
               WHEN st.found IS NULL THEN true -- no risk row: nothing refers to it
               ELSE st.refers_to IS NOT NULL AND st.refers_to <> substr(p.GrainTypeString, 13)
           END;
$fn$;

-- Every stored risk state of the service (non-NULL payload) with the part it refers to (fin_risk_state_part).
CREATE OR REPLACE FUNCTION fin_risk_states(p_service_id text)
RETURNS TABLE (n0 bigint, n1 bigint, extension text, part_id text)
LANGUAGE sql
STABLE
AS $fn$
    SELECT s.GrainIdN0, s.GrainIdN1, s.GrainIdExtensionString, fin_risk_state_part(s.PayloadBinary)
      FROM OrleansStorage AS s
     WHERE s.ServiceId = p_service_id
       AND s.GrainTypeString = 'risk'
       AND s.PayloadBinary IS NOT NULL
    OFFSET 0;
$fn$;

-- Risk states that refer to a part whose row is missing or cleared: such a grain does not activate.
CREATE OR REPLACE FUNCTION fin_risk_parts_dangling(p_service_id text)
RETURNS TABLE (n0 bigint, n1 bigint, extension text, part_id text)
LANGUAGE sql
STABLE
AS $fn$
    SELECT st.n0, st.n1, st.extension, st.part_id
      FROM fin_risk_states(p_service_id) AS st
     WHERE st.part_id <> ''
       AND NOT EXISTS (
               SELECT 1
                 FROM orleans_storage_read(p_service_id, 'riskWindows-' || st.part_id, st.n0, st.n1, st.extension) AS p
                WHERE p.payload IS NOT NULL)
     ORDER BY st.extension, st.n0, st.n1;
$fn$;

-- Risk states whose payload cannot be read (fin_risk_state_part gives NULL): the sweep keeps all of their grains' parts
-- and cannot tell whether they dangle, and the grains themselves are unlikely to activate. An operator looks at each.
CREATE OR REPLACE FUNCTION fin_risk_parts_unreadable(p_service_id text)
RETURNS TABLE (n0 bigint, n1 bigint, extension text)
LANGUAGE sql
STABLE
AS $fn$
    SELECT st.n0, st.n1, st.extension
      FROM fin_risk_states(p_service_id) AS st
     WHERE st.part_id IS NULL
     ORDER BY st.extension, st.n0, st.n1;
$fn$;

-- Risk states whose payload refers to a part, the part rows stored (non-NULL payload), the states referring to a part
-- whose row is missing or cleared, the part rows no state refers to (any age), and the risk states whose payload
-- cannot be read (counted in none of the others). A version without the last column is dropped first (a function's
-- result columns cannot be replaced); once it has it, a re-run replaces it in place and keeps its grants.
DO $do$
BEGIN
    -- NULL, and nothing dropped, when there is no such function yet (to_regprocedure, not a cast, which would fail).
    IF pg_get_function_result(to_regprocedure('fin_risk_parts_summary(text)')) NOT LIKE '%unreadable bigint%' THEN
        DROP FUNCTION fin_risk_parts_summary(text);
    END IF;
END
$do$;
CREATE OR REPLACE FUNCTION fin_risk_parts_summary(p_service_id text)
RETURNS TABLE (states_in_parts bigint, parts bigint, dangling bigint, orphaned bigint, unreadable bigint)
LANGUAGE sql
STABLE
AS $fn$
    SELECT (SELECT count(*) FROM fin_risk_states(p_service_id) AS st WHERE st.part_id <> ''),
           (SELECT count(*)
              FROM OrleansStorage AS p
             WHERE p.ServiceId = p_service_id
               AND starts_with(p.GrainTypeString, 'riskWindows-')
               AND p.PayloadBinary IS NOT NULL),
           (SELECT count(*) FROM fin_risk_parts_dangling(p_service_id)),
           (SELECT count(*) FROM fin_risk_parts_unreferenced(p_service_id)),
           (SELECT count(*) FROM fin_risk_parts_unreadable(p_service_id));
$fn$;

-- Part rows not referred to by the same grain's risk state, last modified at least p_min_age ago: what a sweep with
-- the same age would delete now.
CREATE OR REPLACE FUNCTION fin_risk_parts_orphaned(p_service_id text, p_min_age interval)
RETURNS TABLE (n0 bigint, n1 bigint, extension text, part_id text, modified_on timestamptz)
LANGUAGE sql
STABLE
AS $fn$
    SELECT u.n0, u.n1, u.extension, u.part_id, u.modified_on
      FROM fin_risk_parts_unreferenced(p_service_id) AS u
     WHERE u.modified_on <= fin_risk_parts_cutoff(p_min_age)
     ORDER BY u.modified_on, u.extension, u.n0, u.n1, u.part_id;
$fn$;

-- Deletes the orphaned parts (fin_risk_parts_orphaned) and returns the rows deleted. One statement: it takes the
-- candidates from its snapshot, then locks each candidate's risk state row (FOR SHARE, so no write of that state can
-- commit until the statement ends; a row being written right now is skipped) and deletes a part only if the newest
-- committed version of that state still does not refer to it, or the grain has no risk row, and the part is still
-- that old. A state that cannot be read keeps its parts. At most p_limit candidates, the oldest first, so that one
-- statement holds share locks on at most that many risk rows; a caller repeats until fewer are deleted (the script
-- does). Dropped first: the earlier version took no limit, and two versions would make a call ambiguous.
DROP FUNCTION IF EXISTS fin_risk_parts_sweep_rows(text, interval);
CREATE OR REPLACE FUNCTION fin_risk_parts_sweep_rows(p_service_id text, p_min_age interval, p_limit integer DEFAULT 10000)
RETURNS TABLE (n0 bigint, n1 bigint, extension text, part_id text, modified_on timestamptz)
LANGUAGE sql
AS $fn$
    WITH candidate AS MATERIALIZED (
        SELECT o.n0, o.n1, o.extension, o.part_id,
               orleans_storage_key(p_service_id, 'riskWindows-' || o.part_id, o.n0, o.n1, o.extension) AS part_key,
               orleans_storage_key(p_service_id, 'risk', o.n0, o.n1, o.extension) AS state_key
          FROM fin_risk_parts_orphaned(p_service_id, p_min_age) AS o
         ORDER BY o.modified_on, o.extension, o.n0, o.n1, o.part_id
         LIMIT fin_risk_parts_batch(p_limit)
    ),
    state AS MATERIALIZED (
        SELECT s.GrainKey AS state_key, fin_risk_state_part(s.PayloadBinary) AS refers_to
          FROM OrleansStorage AS s
          JOIN candidate AS c
            ON s.GrainKey = c.state_key
           AND s.ServiceId = p_service_id
           AND s.GrainTypeString = 'risk'
           AND s.GrainIdN0 = c.n0
           AND s.GrainIdN1 = c.n1
           AND s.GrainIdExtensionString IS NOT DISTINCT FROM c.extension
           FOR SHARE OF s SKIP LOCKED
    )
    DELETE FROM OrleansStorage AS p
     USING candidate AS c
      LEFT JOIN state AS st ON st.state_key = c.state_key
     WHERE p.GrainKey = c.part_key
       AND p.ServiceId = p_service_id
       AND p.GrainTypeString = 'riskWindows-' || c.part_id
       AND p.GrainIdN0 = c.n0
       AND p.GrainIdN1 = c.n1
       AND p.GrainIdExtensionString IS NOT DISTINCT FROM c.extension
       AND p.ModifiedOn <= fin_risk_parts_cutoff(p_min_age)
       AND CASE
               -- Locked: the newest committed version of the state decides.
               WHEN st.state_key IS NOT NULL THEN st.refers_to IS NOT NULL AND st.refers_to <> c.part_id
               -- Not locked: either there is no risk row (the part is nobody's), or it was skipped while being written.
               ELSE NOT EXISTS (SELECT 1 FROM OrleansStorage AS s WHERE s.GrainKey = c.state_key)
           END
    RETURNING p.GrainIdN0, p.GrainIdN1, p.GrainIdExtensionString, c.part_id, p.ModifiedOn;
$fn$;

-- Deletes up to p_limit orphaned parts (fin_risk_parts_orphaned, re-checked as fin_risk_parts_sweep_rows does) and
-- returns how many it deleted.
DROP FUNCTION IF EXISTS fin_risk_parts_sweep(text, interval);
CREATE OR REPLACE FUNCTION fin_risk_parts_sweep(p_service_id text, p_min_age interval, p_limit integer DEFAULT 10000)
RETURNS bigint
LANGUAGE sql
AS $fn$
    SELECT count(*) FROM fin_risk_parts_sweep_rows(p_service_id, p_min_age, p_limit);
$fn$;
