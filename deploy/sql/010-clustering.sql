-- Orleans.Fin: cluster membership for Microsoft.Orleans.Clustering.AdoNet (silos and clients).
--
-- Model
--   * OrleansMembershipVersionTable holds one row per cluster (DeploymentId = ClusterId) with
--     a counter. Every change to the set of members (insert of a silo, status change) must
--     name the counter value it last read and bumps it by one; a stale value makes the write
--     fail, and Orleans re-reads and retries. Heartbeats (IAmAliveTime) do not bump it.
--   * OrleansMembershipTable holds one row per silo incarnation (address, port, generation).
--     SuspectTimes is Orleans' own "silo,date|silo,date" text. Status 3 = Active, 6 = Dead.
--   * Reads always return the cluster's counter row, joined with zero or more members, so
--     the provider gets the table version even when no silo is registered yet.
--
-- Requires 001-orleans-query.sql. Safe to run any number of times.

SET client_min_messages = warning;

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address      varchar(45)  NOT NULL,
    Port         integer      NOT NULL,
    Generation   integer      NOT NULL,
    SiloName     varchar(150) NOT NULL,
    HostName     varchar(150) NOT NULL,
    Status       integer      NOT NULL,
    ProxyPort    integer      NULL,
    SuspectTimes text         NULL,
    StartTime    timestamptz  NOT NULL,
    IAmAliveTime timestamptz  NOT NULL,

    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE
);

-- Adds a silo row if the caller's view of the table version is current, then bumps it.
-- Returns false (and changes nothing) when the version moved on or the silo row exists.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id text,
    p_address       text,
    p_port          integer,
    p_generation    integer,
    p_silo_name     text,
    p_host_name     text,
    p_status        integer,
    p_proxy_port    integer,
    p_start_time    timestamptz,
    p_alive_time    timestamptz,
    p_version       integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    -- Lock the cluster's version row: writers of one cluster queue up here, and a writer
    -- that waited re-checks the version against the committed value.
    PERFORM 1
      FROM OrleansMembershipVersionTable
     WHERE DeploymentId = p_deployment_id
       AND Version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName,
         Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, p_start_time, p_alive_time)
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           Timestamp = now()
     WHERE DeploymentId = p_deployment_id;
    RETURN true;
END;
$fn$;

-- Changes a silo's status / suspicions / heartbeat if the caller's table version is current,
-- then bumps it. Returns false (and changes nothing) otherwise.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id text,
    p_address       text,
    p_port          integer,
    p_generation    integer,
    p_status        integer,
    p_suspect_times text,
    p_alive_time    timestamptz,
    p_version       integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
      FROM OrleansMembershipVersionTable
     WHERE DeploymentId = p_deployment_id
       AND Version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipTable
       SET Status = p_status,
           SuspectTimes = p_suspect_times,
           IAmAliveTime = p_alive_time
     WHERE DeploymentId = p_deployment_id
       AND Address = p_address
       AND Port = p_port
       AND Generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           Timestamp = now()
     WHERE DeploymentId = p_deployment_id;
    RETURN true;
END;
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
-- Creates the cluster's version row once; one boolean column: was it created now.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS Created;
$q$),

-- One boolean column: was the silo added.
('InsertMembershipKey', $q$
SELECT orleans_membership_insert(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS Inserted;
$q$),

-- One boolean column: was the silo row changed.
('UpdateMembershipKey', $q$
SELECT orleans_membership_update(
    @DeploymentId, @Address, @Port, @Generation,
    @Status, @SuspectTimes, @IAmAliveTime, @Version) AS Updated;
$q$),

-- Heartbeat: not versioned.
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
   SET IAmAliveTime = @IAmAliveTime
 WHERE DeploymentId = @DeploymentId
   AND Address = @Address
   AND Port = @Port
   AND Generation = @Generation;
$q$),

-- The version row plus the one silo asked for (member columns NULL if it is unknown).
('MembershipReadRowKey', $q$
SELECT v.DeploymentId,
       m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime,
       v.Version
  FROM OrleansMembershipVersionTable AS v
  LEFT JOIN OrleansMembershipTable AS m
         ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address
        AND m.Port = @Port
        AND m.Generation = @Generation
 WHERE v.DeploymentId = @DeploymentId;
$q$),

-- The version row plus every silo of the cluster.
('MembershipReadAllKey', $q$
SELECT v.DeploymentId,
       m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime,
       v.Version
  FROM OrleansMembershipVersionTable AS v
  LEFT JOIN OrleansMembershipTable AS m
         ON m.DeploymentId = v.DeploymentId
 WHERE v.DeploymentId = @DeploymentId;
$q$),

-- Forget a whole cluster (members and version row).
('DeleteMembershipTableEntriesKey', $q$
WITH members AS (
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId
)
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$),

-- Housekeeping: drop silos that are Dead (6) and have not been heard of since @IAmAliveTime.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Status = 6
   AND IAmAliveTime < @IAmAliveTime;
$q$),

-- Housekeeping, one row at a time: drop a Dead silo row only if it still holds exactly the
-- values the caller saw (so a row that changed meanwhile is left alone).
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Address = @Address
   AND Port = @Port
   AND Generation = @Generation
   AND Status = 6
   AND StartTime = @StartTime
   AND IAmAliveTime = @IAmAliveTime
   AND coalesce(SuspectTimes, '') = coalesce(@SuspectTimes, '');
$q$),

-- Gateways that clients may connect to: active silos with a gateway port.
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
  FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Status = @Status
   AND ProxyPort > 0;
$q$)
ON CONFLICT (QueryKey) DO UPDATE
    SET QueryText = EXCLUDED.QueryText
    WHERE OrleansQuery.QueryText IS DISTINCT FROM EXCLUDED.QueryText;
