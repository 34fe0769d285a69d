package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"mime"
	"net/http"
	"os"
	"strconv"

	"github.com/jxcgraph/jxc"
)

// exportWorkerName names this process's export worker in the jobs it
// claims: unique per process, so that a job taken over is told apart.
func exportWorkerName() string {
	host, _ := os.Hostname()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return host + "-" + strconv.Itoa(os.Getpid()) + "-" + hex.EncodeToString(b)
}

// runExports runs this replica's export worker until ctx ends.
func (a *app) runExports(ctx context.Context) {
	if a.exports == nil || a.noExportWorker {
		return
	}
	if err := a.exports.Run(ctx); err != nil && ctx.Err() == nil {
		a.log.Error("export worker stopped", "err", err)
	}
}

// serveExport serves an export's file to its owner (session cookie or
// token): 404 for anyone else and for a job without a file, 410 once it
// expired. The file streams from the database chunk by chunk.
func (a *app) serveExport(svc jxc.ExportService) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := jxc.AuthFromContext(r.Context())
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if auth == nil || err != nil || id <= 0 {
			http.NotFound(w, r)
			return
		}
		started := false
		err = svc.ExportFile(r.Context(), auth.User.ID, id, func(job *jxc.ExportJob) error {
			h := w.Header()
			h.Set("Content-Type", job.Format.ContentType())
			h.Set("Content-Length", strconv.Itoa(job.ByteSize))
			h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": job.FileName}))
			h.Set("Cache-Control", "private, no-store")
			started = true
			return nil
		}, func(b []byte) error {
			_, err := w.Write(b)
			return err
		})
		switch {
		case err == nil:
		case started:
			// Mid-file: the connection is cut, the client sees a short file.
			a.log.Warn("serving an export", "job", id, "err", err)
		case errors.Is(err, jxc.ErrExportExpired):
			http.Error(w, jxc.Render(jxc.LangOf(r.Context()), "this export expired: its file is kept for 7 days after it is written", nil), http.StatusGone)
		case jxc.ErrorCode(err) == jxc.ENOTFOUND:
			http.NotFound(w, r)
		default:
			a.log.Warn("serving an export", "job", id, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	})
}
