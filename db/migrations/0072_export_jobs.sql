-- Bulk exports run in the background on whichever replica claims them
-- (FOR UPDATE SKIP LOCKED), so the job, its progress and its file live
-- here and not in a process: any replica serves the download, and a job
-- whose replica died (no heartbeat) is claimed again and started over.
CREATE TABLE export_jobs (
    id            bigserial PRIMARY KEY,
    owner_id      bigint NOT NULL REFERENCES users(id),
    query         text NOT NULL,
    variables     jsonb NOT NULL DEFAULT '{}',
    format        text NOT NULL CHECK (format IN ('JSONL', 'CSV', 'XLSX')),
    -- the connection the query pages through, as a path of response keys
    connection    text NOT NULL,
    -- the owner's language when they asked: headers and messages use it
    lang          text NOT NULL DEFAULT 'zh-CN',
    file_name     text NOT NULL,
    status        text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    rows_written  bigint NOT NULL DEFAULT 0,
    total_count   bigint,
    byte_size     bigint NOT NULL DEFAULT 0,
    error_message text,
    attempts      integer NOT NULL DEFAULT 0,
    claimed_by    text,
    heartbeat_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    expires_at    timestamptz,
    -- the file's chunks were deleted (expired)
    purged        boolean NOT NULL DEFAULT false
);
CREATE INDEX export_jobs_owner ON export_jobs (owner_id, created_at DESC, id DESC);
CREATE INDEX export_jobs_waiting ON export_jobs (status, heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX export_jobs_expiring ON export_jobs (expires_at) WHERE NOT purged AND expires_at IS NOT NULL;

-- The file, in chunks of a few hundred KB written as the job goes.
CREATE TABLE export_chunks (
    job_id bigint NOT NULL REFERENCES export_jobs(id) ON DELETE CASCADE,
    seq    integer NOT NULL,
    data   bytea NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- journalLines pages through a year's lines in date order: without this
-- each page sorted the whole year again.
CREATE INDEX journal_lines_date ON journal_lines (posting_date, id);
