package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"time"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// Liveness of the live_sockets rows: each replica refreshes its sockets
// every SocketHeartbeat; a row not refreshed for SocketExpiry belongs to a
// replica that died and no longer counts against its user's caps.
const (
	SocketHeartbeat = 15 * time.Second
	SocketExpiry    = 3 * SocketHeartbeat
)

// SocketService keeps what the live websockets need from the database: the
// principal as it is now (re-checked on every operation and on every
// jxc_auth notification) and the per-user counts of open sockets and
// subscriptions, shared by every replica.
type SocketService struct {
	db     *DB
	events *Events
}

// NewSocketService returns the socket service; events delivers the
// jxc_auth notifications (nil: none, only the per-operation check).
func NewSocketService(db *DB, events *Events) *SocketService {
	return &SocketService{db: db, events: events}
}

// OnAuthChange registers f to hear the id of every user whose sessions,
// tokens, active flag, password or roles changed on any replica; 0 means
// "notifications may have been lost: re-check everyone". f must not block.
func (s *SocketService) OnAuthChange(f func(userID int64)) {
	if s.events != nil {
		s.events.OnAuthChange(f)
	}
}

// Principal re-reads the caller of a socket in one statement: the session
// (unexpired) or the API token (unrevoked), the user (active), the roles
// and a fingerprint of the password, which changes whenever the password
// does. A credential that no longer holds is EUNAUTHENTICATED.
func (s *SocketService) Principal(ctx context.Context, a *jxc.Auth) (*jxc.User, string, error) {
	var row struct {
		jxc.User
		Roles      pq.StringArray `db:"roles"`
		Credential string         `db:"credential"`
	}
	err := s.db.GetContext(ctx, &row, `SELECT u.id, u.username, u.display_name, u.active, u.created_at,
		md5(u.password_hash) AS credential,
		coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
		FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
		WHERE u.active AND (
			($1 <> '' AND EXISTS (SELECT 1 FROM sessions s WHERE s.id = $1 AND s.user_id = u.id AND s.expires_at > now()))
			OR ($2 <> 0 AND EXISTS (SELECT 1 FROM api_tokens t WHERE t.id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL)))
		GROUP BY u.id`, a.SessionID, a.TokenID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", jxc.Errorf(jxc.EUNAUTHENTICATED, "the session or API token of this connection has ended; sign in again")
	} else if err != nil {
		return nil, "", err
	}
	u := row.User
	for _, r := range row.Roles {
		u.Roles = append(u.Roles, jxc.Role(r))
	}
	return &u, row.Credential, nil
}

// OpenSocket records a new socket of the user, unless the user already has
// max sockets open on all replicas together (ETHROTTLED). It returns the
// socket's id.
func (s *SocketService) OpenSocket(ctx context.Context, userID int64, max int) (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	id := hex.EncodeToString(b)
	err := s.db.WithTx(ctx, func(tx *Tx) error {
		if err := lockUserSockets(ctx, tx, userID); err != nil {
			return err
		}
		// Rows of replicas that died go with the next socket of their user.
		if _, err := tx.ExecContext(ctx, `DELETE FROM live_sockets WHERE user_id = $1 AND seen_at < now() - $2::interval`,
			userID, SocketExpiry.String()); err != nil {
			return err
		}
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM live_sockets WHERE user_id = $1`, userID); err != nil {
			return err
		}
		if n >= max {
			return jxc.Errorf(jxc.ETHROTTLED, "at most {max} live connections may be open per user; close another tab or window", jxc.P{"max": max})
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO live_sockets (id, user_id) VALUES ($1, $2)`, id, userID)
		return err
	})
	if err != nil {
		return "", err
	}
	return id, nil
}

// CloseSocket forgets a socket.
func (s *SocketService) CloseSocket(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM live_sockets WHERE id = $1`, id)
	return err
}

// SocketsAlive refreshes the sockets this replica holds (ids with their
// users and subscription counts), so that they keep counting against their
// users' caps; a row reaped while the database was out of reach comes back.
func (s *SocketService) SocketsAlive(ctx context.Context, ids []string, userIDs []int64, subscriptions []int) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO live_sockets (id, user_id, subscriptions)
		SELECT l.id, l.user_id, l.subscriptions FROM unnest($1::text[], $2::bigint[], $3::int[]) AS l (id, user_id, subscriptions)
		JOIN users u ON u.id = l.user_id
		ON CONFLICT (id) DO UPDATE SET seen_at = now()`, pq.Array(ids), pq.Array(userIDs), pq.Array(subscriptions))
	return err
}

// AddSubscription counts one more subscription on a socket, unless the
// user already has max open on all their sockets together (ETHROTTLED).
func (s *SocketService) AddSubscription(ctx context.Context, socketID string, userID int64, max int) error {
	return s.db.WithTx(ctx, func(tx *Tx) error {
		if err := lockUserSockets(ctx, tx, userID); err != nil {
			return err
		}
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT coalesce(sum(subscriptions), 0) FROM live_sockets
			WHERE user_id = $1 AND seen_at >= now() - $2::interval`, userID, SocketExpiry.String()); err != nil {
			return err
		}
		if n >= max {
			return jxc.Errorf(jxc.ETHROTTLED, "at most {max} subscriptions may be open per user", jxc.P{"max": max})
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO live_sockets AS l (id, user_id, subscriptions) VALUES ($1, $2, 1)
			ON CONFLICT (id) DO UPDATE SET subscriptions = l.subscriptions + 1, seen_at = now()`, socketID, userID)
		return err
	})
}

// EndSubscription counts one subscription less on a socket.
func (s *SocketService) EndSubscription(ctx context.Context, socketID string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE live_sockets SET subscriptions = greatest(subscriptions - 1, 0) WHERE id = $1`, socketID)
	return err
}

// lockUserSockets serialises the cap checks of one user across replicas.
func lockUserSockets(ctx context.Context, tx *Tx, userID int64) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('live_sockets'), $1::int)`, userID)
	return err
}
