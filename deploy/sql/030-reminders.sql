-- Orleans.Fin: durable reminders for Microsoft.Orleans.Reminders.AdoNet (UseAdoNetReminderService).
--
-- Model
--   * One row per (service, grain, reminder name). Period is in milliseconds.
--   * GrainHash is the grain's uniform hash as a signed 32-bit number; each silo reads the
--     reminders whose hash falls in its slice (begin, end] of the ring. A slice that wraps
--     past the top of the signed range is read with the second range statement.
--   * Version is the reminder's ETag: 0 when created, +1 on every re-registration; removing
--     a reminder must present the current value.
--
-- Requires 001-orleans-query.sql. Safe to run any number of times.

SET client_min_messages = warning;

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    varchar(150)  NOT NULL,
    GrainId      varchar(1024) NOT NULL,
    ReminderName varchar(150)  NOT NULL,
    StartTime    timestamptz   NOT NULL,
    Period       bigint        NOT NULL,
    GrainHash    integer       NOT NULL,
    Version      integer       NOT NULL,

    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_Hash
    ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
-- All reminders of one grain.
('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId;
$q$),

-- Reminders whose hash is in (@BeginHash, @EndHash] when the slice does not wrap.
('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainHash > @BeginHash
   AND GrainHash <= @EndHash;
$q$),

-- Reminders whose hash is above @BeginHash or at most @EndHash (a slice that wraps).
('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$q$),

-- One reminder of one grain (no row if it does not exist).
('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId
   AND ReminderName = @ReminderName;
$q$),

-- Create or replace a reminder; always one row with its new Version.
('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable AS r
    (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = EXCLUDED.StartTime,
        Period    = EXCLUDED.Period,
        GrainHash = EXCLUDED.GrainHash,
        Version   = r.Version + 1
RETURNING r.Version AS Version;
$q$),

-- Remove one reminder if its version is still @Version; one boolean column: removed or not.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId
       AND ReminderName = @ReminderName
       AND Version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS Removed;
$q$),

-- Remove every reminder of the service.
('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE
    SET QueryText = EXCLUDED.QueryText
    WHERE OrleansQuery.QueryText IS DISTINCT FROM EXCLUDED.QueryText;
