package db

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// ExportService keeps bulk export jobs and their files (migration 0072).
// Jobs are not business records: they are written outside the audited
// write path, like sessions, but every change is announced through the
// outbox in its transaction, so every replica's subscribers and workers
// hear it.
type ExportService struct {
	db     *DB
	events *Events
}

// NewExportService returns the export service; events may be nil (no
// live progress and no wakeups: workers poll).
func NewExportService(db *DB, events *Events) *ExportService {
	return &ExportService{db: db, events: events}
}

const exportCols = `id, owner_id, query, variables, format, connection, lang, file_name, status, rows_written, total_count,
	byte_size, error_message, attempts, created_at, started_at, finished_at, expires_at, purged`

var exportJobOrders = map[string]string{"CREATED_AT": "created_at", "STATUS": "status", "FINISHED_AT": "finished_at"}

// exportEvent is the outbox payload of a job change: its id and status
// (the workers' wakeup looks at the status without reading the job).
type exportEvent struct {
	JobID  string `json:"jobId"`
	Status string `json:"status"`
	Rows   int    `json:"rows"`
}

func announceExport(ctx context.Context, q Queryer, id int64, status jxc.ExportStatus, rows int) error {
	return Publish(ctx, q, "export", strconv.FormatInt(id, 10), exportEvent{JobID: strconv.FormatInt(id, 10), Status: string(status), Rows: rows})
}

func decodeJob(j *jxc.ExportJob) *jxc.ExportJob {
	if len(j.RawVariables) > 0 {
		_ = json.Unmarshal(j.RawVariables, &j.Variables)
	}
	return j
}

// CreateExport implements jxc.ExportService.
func (s *ExportService) CreateExport(ctx context.Context, ownerID int64, r jxc.ExportRequest) (*jxc.ExportJob, error) {
	vars := r.Variables
	if vars == nil {
		vars = map[string]any{}
	}
	b, err := json.Marshal(vars)
	if err != nil {
		return nil, jxc.FieldErrorf(jxc.EINVALID, "input.variables", "the variables are not valid JSON")
	}
	job := &jxc.ExportJob{}
	err = s.db.WithTx(ctx, func(tx *Tx) error {
		if err := tx.GetContext(ctx, job, `INSERT INTO export_jobs (owner_id, query, variables, format, connection, lang, file_name)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING `+exportCols,
			ownerID, r.Query, string(b), string(r.Format), r.Connection, r.Lang, r.FileName); err != nil {
			return err
		}
		return announceExport(ctx, tx, job.ID, job.Status, 0)
	})
	if err != nil {
		return nil, err
	}
	return decodeJob(job), nil
}

// FindExportJob implements jxc.ExportService: someone else's job is none.
func (s *ExportService) FindExportJob(ctx context.Context, ownerID, id int64) (*jxc.ExportJob, error) {
	job := &jxc.ExportJob{}
	err := s.db.GetContext(ctx, job, `SELECT `+exportCols+` FROM export_jobs WHERE id = $1 AND owner_id = $2`, id, ownerID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "id", "you have no such export job")
	} else if err != nil {
		return nil, err
	}
	return decodeJob(job), nil
}

// FindExportJobs implements jxc.ExportService.
func (s *ExportService) FindExportJobs(ctx context.Context, ownerID int64, o *jxc.ExportJobOrder, p jxc.PageArgs) (*jxc.Page[*jxc.ExportJob], error) {
	var w where
	w.add(`owner_id = %s`, ownerID)
	pg, err := page[*jxc.ExportJob](ctx, s.db, p, exportCols, "export_jobs", &w, orderBy(o, exportJobOrders, "id", "created_at DESC, id DESC"))
	if err != nil {
		return nil, err
	}
	for _, j := range pg.Items {
		decodeJob(j)
	}
	return pg, nil
}

// CancelExport implements jxc.ExportService. The runner sees the status at
// its next page and stops; the chunks written so far are deleted.
func (s *ExportService) CancelExport(ctx context.Context, ownerID, id int64) (*jxc.ExportJob, error) {
	job := &jxc.ExportJob{}
	err := s.db.WithTx(ctx, func(tx *Tx) error {
		err := tx.GetContext(ctx, job, `SELECT `+exportCols+` FROM export_jobs WHERE id = $1 AND owner_id = $2 FOR UPDATE`, id, ownerID)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "id", "you have no such export job")
		} else if err != nil {
			return err
		}
		if job.Status.Ended() {
			return jxc.FieldErrorf(jxc.ECONFLICT, "id", "the export has already ended ({status})", jxc.P{"status": string(job.Status)})
		}
		if err := tx.GetContext(ctx, job, `UPDATE export_jobs SET status = 'CANCELLED', finished_at = now(), expires_at = now(),
			claimed_by = NULL, purged = true WHERE id = $1 RETURNING `+exportCols, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM export_chunks WHERE job_id = $1`, id); err != nil {
			return err
		}
		return announceExport(ctx, tx, id, job.Status, job.RowsWritten)
	})
	if err != nil {
		return nil, err
	}
	return decodeJob(job), nil
}

// ExportJobChanges implements jxc.ExportService: the job now, then after
// each announced change (reread once per change), until it has ended.
func (s *ExportService) ExportJobChanges(ctx context.Context, ownerID, id int64) (<-chan jxc.ExportJob, error) {
	if s.events == nil {
		return nil, jxc.Errorf(jxc.EINTERNAL, "no event hub")
	}
	key := strconv.FormatInt(id, 10)
	sub, err := s.events.Subscribe(ctx, []string{"export"}, 0, func(ev Event) bool { return ev.Key == key })
	if err != nil {
		return nil, err
	}
	first, err := s.FindExportJob(ctx, ownerID, id)
	if err != nil {
		s.events.Unsubscribe(sub)
		return nil, err
	}
	ch := make(chan jxc.ExportJob)
	go func() {
		defer close(ch)
		defer s.events.Unsubscribe(sub)
		send := func(j *jxc.ExportJob) bool {
			select {
			case ch <- *j:
				return true
			case <-ctx.Done():
				return false
			}
		}
		if !send(first) || first.Status.Ended() {
			return
		}
		last, lastStatus := first.RowsWritten, first.Status
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-sub.C:
				if !ok {
					return
				}
			}
			// A resync loses nothing here: the job is reread whole.
			if _, err := sub.Next(); err != nil && !errors.Is(err, ErrResync) {
				return
			}
			j, err := s.FindExportJob(ctx, ownerID, id)
			if err != nil {
				return
			}
			if j.RowsWritten == last && j.Status == lastStatus {
				continue
			}
			last, lastStatus = j.RowsWritten, j.Status
			if !send(j) || j.Status.Ended() {
				return
			}
		}
	}()
	return ch, nil
}

// ClaimExport implements jxc.ExportService. SKIP LOCKED lets every
// replica's worker look at once without waiting on each other.
func (s *ExportService) ClaimExport(ctx context.Context, worker string, stale time.Duration) (*jxc.ExportJob, error) {
	var job *jxc.ExportJob
	err := s.db.WithTx(ctx, func(tx *Tx) error {
		job = nil
		var id int64
		err := tx.GetContext(ctx, &id, `SELECT id FROM export_jobs
			WHERE status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < now() - $1 * interval '1 millisecond')
			ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`, stale.Milliseconds())
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return err
		}
		// A job taken over from a runner that died starts over.
		if _, err := tx.ExecContext(ctx, `DELETE FROM export_chunks WHERE job_id = $1`, id); err != nil {
			return err
		}
		j := &jxc.ExportJob{}
		if err := tx.GetContext(ctx, j, `UPDATE export_jobs SET status = 'RUNNING', claimed_by = $2, heartbeat_at = now(),
			started_at = now(), attempts = attempts + 1, rows_written = 0, byte_size = 0, total_count = NULL
			WHERE id = $1 RETURNING `+exportCols, id, worker); err != nil {
			return err
		}
		job = decodeJob(j)
		return announceExport(ctx, tx, id, j.Status, 0)
	})
	return job, err
}

// ReportExport implements jxc.ExportService.
func (s *ExportService) ReportExport(ctx context.Context, id int64, worker string, p jxc.ExportProgress) (jxc.ExportStatus, error) {
	var status jxc.ExportStatus
	err := s.db.WithTx(ctx, func(tx *Tx) error {
		var cur struct {
			Status    jxc.ExportStatus `db:"status"`
			ClaimedBy sql.NullString   `db:"claimed_by"`
		}
		if err := tx.GetContext(ctx, &cur, `SELECT status, claimed_by FROM export_jobs WHERE id = $1 FOR UPDATE`, id); err != nil {
			return err
		}
		status = cur.Status
		if cur.Status != jxc.ExportRunning {
			return nil // cancelled meanwhile: nothing more is written
		}
		if cur.ClaimedBy.String != worker {
			return fmt.Errorf("export %d was claimed by another worker", id)
		}
		if len(p.Chunk) > 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO export_chunks (job_id, seq, data)
				VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM export_chunks WHERE job_id = $1), $2)`, id, p.Chunk); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE export_jobs SET rows_written = $2, total_count = coalesce($3, total_count),
			byte_size = byte_size + $4, heartbeat_at = now() WHERE id = $1`, id, p.Rows, p.Total, len(p.Chunk)); err != nil {
			return err
		}
		return announceExport(ctx, tx, id, status, p.Rows)
	})
	return status, err
}

// FinishExport implements jxc.ExportService. A failed job keeps no file.
func (s *ExportService) FinishExport(ctx context.Context, id int64, worker string, status jxc.ExportStatus, message string) error {
	return s.db.WithTx(ctx, func(tx *Tx) error {
		var msg *string
		if message != "" {
			msg = &message
		}
		var rows int
		err := tx.GetContext(ctx, &rows, `UPDATE export_jobs SET status = $3, error_message = $4, finished_at = now(),
			expires_at = now() + $5 * interval '1 second', claimed_by = NULL, heartbeat_at = now()
			WHERE id = $1 AND claimed_by = $2 AND status = 'RUNNING' RETURNING rows_written`,
			id, worker, string(status), msg, int64(jxc.ExportRetention/time.Second))
		if errors.Is(err, sql.ErrNoRows) {
			return nil // cancelled or taken over meanwhile
		} else if err != nil {
			return err
		}
		if status != jxc.ExportCompleted {
			if _, err := tx.ExecContext(ctx, `DELETE FROM export_chunks WHERE job_id = $1`, id); err != nil {
				return err
			}
		}
		return announceExport(ctx, tx, id, status, rows)
	})
}

// ExportWakeups implements jxc.ExportService: a signal for every job
// queued (on any replica); the caller also polls, in case one was missed.
func (s *ExportService) ExportWakeups(ctx context.Context) (<-chan struct{}, error) {
	out := make(chan struct{}, 1)
	if s.events == nil {
		return out, nil
	}
	queued := []byte(`"status":"QUEUED"`)
	sub, err := s.events.Subscribe(ctx, []string{"export"}, 0, func(ev Event) bool { return bytes.Contains(ev.Payload, queued) })
	if err != nil {
		return nil, err
	}
	go func() {
		defer s.events.Unsubscribe(sub)
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-sub.C:
				if !ok {
					return
				}
			}
			_, _ = sub.Next()
			select {
			case out <- struct{}{}:
			default:
			}
		}
	}()
	return out, nil
}

// PurgeExpiredExports implements jxc.ExportService: at most limit jobs per
// call, so that one call stays short whatever has piled up.
func (s *ExportService) PurgeExpiredExports(ctx context.Context, limit int) (int, error) {
	var n int
	err := s.db.WithTx(ctx, func(tx *Tx) error {
		var ids []int64
		if err := tx.SelectContext(ctx, &ids, `SELECT id FROM export_jobs WHERE NOT purged AND expires_at < now()
			ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`, limit); err != nil {
			return err
		}
		n = len(ids)
		if n == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM export_chunks WHERE job_id = ANY($1)`, pq.Array(ids)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE export_jobs SET purged = true WHERE id = ANY($1)`, pq.Array(ids))
		return err
	})
	return n, err
}

// ExportFile implements jxc.ExportService. Chunks are read one at a time:
// memory stays at one chunk whatever the file's size.
func (s *ExportService) ExportFile(ctx context.Context, ownerID, id int64, start func(*jxc.ExportJob) error, write func([]byte) error) error {
	job, err := s.FindExportJob(ctx, ownerID, id)
	if err != nil {
		return err
	}
	if job.Status != jxc.ExportCompleted {
		return jxc.FieldErrorf(jxc.ENOTFOUND, "id", "the export has no file (it is {status})", jxc.P{"status": string(job.Status)})
	}
	if job.Purged || (job.ExpiresAt != nil && !time.Now().Before(*job.ExpiresAt)) {
		if !job.Purged {
			if err := s.db.WithTx(ctx, func(tx *Tx) error {
				if _, err := tx.ExecContext(ctx, `DELETE FROM export_chunks WHERE job_id = $1`, id); err != nil {
					return err
				}
				_, err := tx.ExecContext(ctx, `UPDATE export_jobs SET purged = true WHERE id = $1`, id)
				return err
			}); err != nil {
				return err
			}
		}
		return jxc.ErrExportExpired
	}
	if err := start(job); err != nil {
		return err
	}
	for seq := 0; ; {
		var c struct {
			Seq  int    `db:"seq"`
			Data []byte `db:"data"`
		}
		err := s.db.GetContext(ctx, &c, `SELECT seq, data FROM export_chunks WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT 1`, id, seq)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return err
		}
		if err := write(c.Data); err != nil {
			return err
		}
		seq = c.Seq
	}
}
