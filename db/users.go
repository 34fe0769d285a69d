package db

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/lib/pq"
	"golang.org/x/crypto/bcrypt"

	"github.com/jxcgraph/jxc"
)

// The limits of sign-in are jxc.SignIn*.
const (
	SessionTTL           = 7 * 24 * time.Hour
	tokenPrefix          = "jxc_"
	bcryptCost           = bcrypt.DefaultCost
	sessionSecretEntropy = 32
)

// UserService implements jxc.UserService.
type UserService struct{ db *DB }

// NewUserService returns the user service on db.
func NewUserService(db *DB) *UserService { return &UserService{db: db} }

var _ jxc.UserService = (*UserService)(nil)

// dummyHash keeps the time of a failed sign-in the same whether or not the
// user exists.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("not a password"), bcryptCost)

func hashSecret(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func newSecret() string {
	b := make([]byte, sessionSecretEntropy)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// Login implements jxc.UserService.
func (s *UserService) Login(ctx context.Context, username, password, addr string) (*jxc.User, string, error) {
	var (
		user   *jxc.User
		secret string
		failed bool
	)
	err := s.db.WithTx(ctx, func(tx *Tx) error {
		// One sign-in per user name at a time, so the failure count cannot be raced.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('login:' || $1))`, username); err != nil {
			return err
		}
		if err := checkSignInThrottle(ctx, tx, username, addr); err != nil {
			return err
		}
		var row struct {
			ID     int64  `db:"id"`
			Hash   string `db:"password_hash"`
			Active bool   `db:"active"`
		}
		err := tx.GetContext(ctx, &row, `SELECT id, password_hash, active FROM users WHERE username = $1`, username)
		if errors.Is(err, sql.ErrNoRows) {
			_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
			failed = true
		} else if err != nil {
			return err
		} else if bcrypt.CompareHashAndPassword([]byte(row.Hash), []byte(password)) != nil || !row.Active {
			failed = true
		}
		if failed {
			_, err := tx.ExecContext(ctx, `INSERT INTO login_failures (username, address, at) VALUES ($1, $2, $3)`, username, addr, tx.Now)
			return err
		}
		secret = newSecret()
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < $1`, tx.Now); err != nil {
			return err
		}
		// Failures older than every window are forgotten; so are this
		// pair's, now that the password was right.
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_failures WHERE at < $1 OR (username = $2 AND address = $3)`,
			tx.Now.Add(-jxc.SignInSlowWindow), username, addr); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sign_in_addresses (username, address, last_success_at) VALUES ($1, $2, $3)
			ON CONFLICT (username, address) DO UPDATE SET last_success_at = excluded.last_success_at`, username, addr, tx.Now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sign_in_addresses WHERE username = $1 AND last_success_at < $2`,
			username, tx.Now.Add(-jxc.SignInUsualFor)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sessions (id, user_id, expires_at, address) VALUES ($1, $2, $3, $4)`,
			hashSecret(secret), row.ID, tx.Now.Add(SessionTTL), addr); err != nil {
			return err
		}
		user, err = findUser(ctx, tx, row.ID)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	if failed {
		return nil, "", jxc.FieldErrorf(jxc.EINVALID, "input.password", "wrong user name or password")
	}
	return user, secret, nil
}

// checkSignInThrottle counts the recent failures that bear on a password
// check for username from addr and applies jxc.CheckSignInThrottle.
func checkSignInThrottle(ctx context.Context, tx *Tx, username, addr string) error {
	var counts jxc.SignInCounts
	if err := tx.QueryRowxContext(ctx, `SELECT
		count(*) FILTER (WHERE username = $1 AND address = $2 AND at > $3),
		count(*) FILTER (WHERE username = $1),
		count(*) FILTER (WHERE address = $2),
		EXISTS (SELECT 1 FROM sign_in_addresses WHERE username = $1 AND address = $2 AND last_success_at > $5)
		FROM login_failures WHERE (username = $1 OR address = $2) AND at > $4`,
		username, addr, tx.Now.Add(-jxc.SignInPairWindow), tx.Now.Add(-jxc.SignInSlowWindow), tx.Now.Add(-jxc.SignInUsualFor),
	).Scan(&counts.Pair, &counts.User, &counts.Addr, &counts.Usual); err != nil {
		return err
	}
	return jxc.CheckSignInThrottle(counts)
}

// Logout implements jxc.UserService.
func (s *UserService) Logout(ctx context.Context, sessionID string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE id = $1`, sessionID)
	return err
}

// AuthenticateSession implements jxc.UserService.
func (s *UserService) AuthenticateSession(ctx context.Context, secret string) (*jxc.Auth, error) {
	id := hashSecret(secret)
	// Every request checks its session: one round trip for the session,
	// the user and the roles.
	var row struct {
		jxc.User
		Roles pq.StringArray `db:"roles"`
	}
	err := s.db.GetContext(ctx, &row, `SELECT u.id, u.username, u.display_name, u.active, u.created_at, u.language,
		coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
		FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN user_roles r ON r.user_id = u.id
		WHERE s.id = $1 AND s.expires_at > now() AND u.active
		GROUP BY u.id`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.Errorf(jxc.EUNAUTHENTICATED, "the session has ended; sign in again")
	} else if err != nil {
		return nil, err
	}
	u := row.User
	for _, r := range row.Roles {
		u.Roles = append(u.Roles, jxc.Role(r))
	}
	return &jxc.Auth{User: &u, SessionID: id}, nil
}

// AuthenticateToken implements jxc.UserService.
func (s *UserService) AuthenticateToken(ctx context.Context, secret string) (*jxc.Auth, error) {
	var row struct {
		ID     int64 `db:"id"`
		UserID int64 `db:"user_id"`
	}
	err := s.db.GetContext(ctx, &row, `UPDATE api_tokens t SET last_used_at = now()
		FROM users u WHERE u.id = t.user_id AND u.active AND t.token_hash = $1 AND t.revoked_at IS NULL
		RETURNING t.id, t.user_id`, hashSecret(secret))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.Errorf(jxc.EUNAUTHENTICATED, "the API token is unknown or revoked")
	} else if err != nil {
		return nil, err
	}
	u, err := findUser(ctx, s.db, row.UserID)
	if err != nil {
		return nil, err
	}
	return &jxc.Auth{User: u, TokenID: row.ID}, nil
}

// CreateAPIToken implements jxc.UserService.
func (s *UserService) CreateAPIToken(ctx context.Context, userID int64, name string) (*jxc.APIToken, string, error) {
	if len(name) < 1 || len(name) > 100 {
		return nil, "", jxc.FieldErrorf(jxc.EINVALID, "name", "name must be 1 to 100 characters")
	}
	secret := tokenPrefix + newSecret()
	t := &jxc.APIToken{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "createApiToken"}, func(tx *Tx) error {
		err := tx.GetContext(ctx, t, `INSERT INTO api_tokens (user_id, name, prefix, token_hash)
			VALUES ($1, $2, $3, $4) RETURNING id, user_id, name, prefix, created_at, last_used_at, revoked_at`,
			userID, name, secret[:len(tokenPrefix)+6], hashSecret(secret))
		tx.Produced(jxc.RecordAPIToken, t.ID, name, jxc.AuditCreate)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return t, secret, nil
}

// RevokeAPIToken implements jxc.UserService.
func (s *UserService) RevokeAPIToken(ctx context.Context, userID, tokenID int64, asAdmin bool) error {
	_, err := s.db.Write(ctx, jxc.Op{Name: "revokeApiToken"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordAPIToken, tokenID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = now()
			WHERE id = $1 AND ($2 OR user_id = $3) AND revoked_at IS NULL`, tokenID, asAdmin, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "id", "you have no such active API token")
		}
		tx.Produced(jxc.RecordAPIToken, tokenID, "", jxc.AuditRevoke)
		return nil
	})
	return err
}

// ListAPITokens implements jxc.UserService.
func (s *UserService) ListAPITokens(ctx context.Context, userID int64) ([]*jxc.APIToken, error) {
	var out []*jxc.APIToken
	err := s.db.SelectContext(ctx, &out, `SELECT id, user_id, name, prefix, created_at, last_used_at, revoked_at
		FROM api_tokens WHERE user_id = $1 ORDER BY id`, userID)
	return out, err
}

// CreateUser implements jxc.UserService.
func (s *UserService) CreateUser(ctx context.Context, in jxc.UserInput) (*jxc.User, error) {
	if err := jxc.ValidateUserInput(in); err != nil {
		return nil, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(in.Password), bcryptCost)
	if err != nil {
		return nil, err
	}
	var u *jxc.User
	_, err = s.db.Write(ctx, jxc.Op{Name: "createUser"}, func(tx *Tx) error {
		var id int64
		if err := tx.GetContext(ctx, &id, `INSERT INTO users (username, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
			in.Username, in.DisplayName, string(hash)); err != nil {
			return domainError(err, "input.username")
		}
		if err := setRoles(ctx, tx, id, in.Roles); err != nil {
			return err
		}
		tx.Produced(jxc.RecordUser, id, in.Username, jxc.AuditCreate)
		u, err = findUser(ctx, tx, id)
		return err
	})
	return u, err
}

// UpdateUser implements jxc.UserService.
func (s *UserService) UpdateUser(ctx context.Context, id int64, in jxc.UserUpdate) (*jxc.User, error) {
	if err := jxc.ValidateUserUpdate(in); err != nil {
		return nil, err
	}
	var u *jxc.User
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateUser"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordUser, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE users SET display_name = coalesce($2, display_name), active = coalesce($3, active) WHERE id = $1`,
			id, in.DisplayName, in.Active)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no such user")
		}
		tx.Produced(jxc.RecordUser, id, "", jxc.AuditUpdate)
		if in.Roles != nil {
			if err := setRoles(ctx, tx, id, in.Roles); err != nil {
				return err
			}
		}
		if in.Active != nil && !*in.Active {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
				return err
			}
		}
		u, err = findUser(ctx, tx, id)
		return err
	})
	return u, err
}

// ChangePassword implements jxc.UserService.
func (s *UserService) ChangePassword(ctx context.Context, userID int64, current, password, keepSession, addr string) error {
	var es jxc.Errors
	jxc.ValidateNewPassword(&es, "input.password", password)
	// The current password is checked like a sign-in: a stolen session
	// cannot be used to guess it faster than the sign-in form allows.
	err := s.db.WithTx(ctx, func(tx *Tx) error {
		var u struct {
			Username string `db:"username"`
			Hash     string `db:"password_hash"`
		}
		if err := tx.GetContext(ctx, &u, `SELECT username, password_hash FROM users WHERE id = $1`, userID); errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such user")
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('login:' || $1))`, u.Username); err != nil {
			return err
		}
		if err := checkSignInThrottle(ctx, tx, u.Username, addr); err != nil {
			return err
		}
		switch {
		case current == "":
			es.Add(jxc.EINVALID, "input.currentPassword", "current password is required to change your own password")
		case bcrypt.CompareHashAndPassword([]byte(u.Hash), []byte(current)) != nil:
			es.Add(jxc.EINVALID, "input.currentPassword", "current password is wrong")
			_, err := tx.ExecContext(ctx, `INSERT INTO login_failures (username, address, at) VALUES ($1, $2, $3)`, u.Username, addr, tx.Now)
			return err
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := es.Err(); err != nil {
		return err
	}
	return s.setPassword(ctx, userID, password, keepSession)
}

// ResetPassword implements jxc.UserService.
func (s *UserService) ResetPassword(ctx context.Context, userID int64, password string) error {
	var es jxc.Errors
	jxc.ValidateNewPassword(&es, "input.password", password)
	if err := es.Err(); err != nil {
		return err
	}
	return s.setPassword(ctx, userID, password, "")
}

// setPassword stores the new hash and ends every session of the user but
// keepSession, and every API token: whoever knew the old password may have
// signed in or minted a token with it. Open sockets of those sessions and
// tokens follow their rows.
func (s *UserService) setPassword(ctx context.Context, id int64, password, keepSession string) error {
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcryptCost)
	if err != nil {
		return err
	}
	_, err = s.db.Write(ctx, jxc.Op{Name: "setPassword"}, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $2 WHERE id = $1`, id, string(hash))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such user")
		}
		tx.Produced(jxc.RecordUser, id, "", jxc.AuditSetPassword)
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND id <> $2`, id, keepSession); err != nil {
			return err
		}
		var revoked []int64
		if err := tx.SelectContext(ctx, &revoked, `UPDATE api_tokens SET revoked_at = now()
			WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, id); err != nil {
			return err
		}
		for _, t := range revoked {
			tx.Audit(jxc.RecordAPIToken, t, "", jxc.AuditRevoke)
		}
		return nil
	})
	return err
}

// SignInLockouts implements jxc.UserService: the limits of
// jxc.CheckSignInThrottle reached now, each with when it lifts (when the
// failure that reached it leaves its window).
func (s *UserService) SignInLockouts(ctx context.Context) ([]*jxc.SignInLockout, error) {
	var out []*jxc.SignInLockout
	err := s.db.SelectContext(ctx, &out, `
		SELECT 'USER_AT_ADDRESS' AS scope, username, address, count(*) AS failures,
			(array_agg(at ORDER BY at DESC))[$1] + $2 * interval '1 second' AS locked_until
		FROM login_failures WHERE at > now() - $2 * interval '1 second'
		GROUP BY username, address HAVING count(*) >= $1
		UNION ALL
		SELECT 'USER', username, NULL, count(*),
			(array_agg(at ORDER BY at DESC))[$3] + $5 * interval '1 second'
		FROM login_failures WHERE at > now() - $5 * interval '1 second'
		GROUP BY username HAVING count(*) >= $3
		UNION ALL
		SELECT 'ADDRESS', NULL, address, count(*),
			(array_agg(at ORDER BY at DESC))[$4] + $5 * interval '1 second'
		FROM login_failures WHERE at > now() - $5 * interval '1 second'
		GROUP BY address HAVING count(*) >= $4
		ORDER BY locked_until DESC, username, address`,
		jxc.SignInPairFailures, jxc.SignInPairWindow.Seconds(), jxc.SignInUserFailures, jxc.SignInAddrFailures, jxc.SignInSlowWindow.Seconds())
	return out, err
}

// ClearSignInLockout implements jxc.UserService.
func (s *UserService) ClearSignInLockout(ctx context.Context, username, address string) (int, error) {
	if username == "" && address == "" {
		return 0, jxc.FieldErrorf(jxc.EINVALID, "input.username", "give a user name, an address or both")
	}
	var n int
	_, err := s.db.Write(ctx, jxc.Op{Name: "clearSignInLockout"}, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM login_failures WHERE ($1 = '' OR username = $1) AND ($2 = '' OR address = $2)`,
			username, address)
		if err != nil {
			return err
		}
		rows, _ := res.RowsAffected()
		n = int(rows)
		tx.Audit(jxc.RecordSignInLockout, username+"@"+address, username+"@"+address, jxc.AuditClear)
		return nil
	})
	return n, err
}

// FindUsers implements jxc.UserService.
func (s *UserService) FindUsers(ctx context.Context) ([]*jxc.User, error) {
	users, _, err := usersWithRoles(ctx, s.db, nil)
	return users, err
}

// usersWithRoles reads users with their roles in two statements: those
// with the ids given, or, for nil, every user by username.
func usersWithRoles(ctx context.Context, q Queryer, ids []int64) ([]*jxc.User, map[int64]*jxc.User, error) {
	usersQuery := `SELECT id, username, display_name, active, created_at, language FROM users ORDER BY username`
	rolesQuery := `SELECT user_id, role FROM user_roles ORDER BY user_id, role`
	var args []any
	if ids != nil {
		usersQuery = `SELECT id, username, display_name, active, created_at, language FROM users WHERE id = ANY($1)`
		rolesQuery = `SELECT user_id, role FROM user_roles WHERE user_id = ANY($1) ORDER BY user_id, role`
		args = []any{pq.Array(ids)}
	}
	var users []*jxc.User
	if err := q.SelectContext(ctx, &users, usersQuery, args...); err != nil {
		return nil, nil, err
	}
	var roles []struct {
		UserID int64  `db:"user_id"`
		Role   string `db:"role"`
	}
	if err := q.SelectContext(ctx, &roles, rolesQuery, args...); err != nil {
		return nil, nil, err
	}
	byID := map[int64]*jxc.User{}
	for _, u := range users {
		byID[u.ID] = u
	}
	for _, r := range roles {
		if u := byID[r.UserID]; u != nil {
			u.Roles = append(u.Roles, jxc.Role(r.Role))
		}
	}
	return users, byID, nil
}

// FindUserByID implements jxc.UserService.
func (s *UserService) FindUserByID(ctx context.Context, id int64) (*jxc.User, error) {
	return findUser(ctx, s.db, id)
}

func findUser(ctx context.Context, q Queryer, id int64) (*jxc.User, error) {
	u := &jxc.User{}
	err := q.GetContext(ctx, u, `SELECT id, username, display_name, active, created_at, language FROM users WHERE id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no such user")
	} else if err != nil {
		return nil, err
	}
	var roles []string
	if err := q.SelectContext(ctx, &roles, `SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role`, id); err != nil {
		return nil, err
	}
	for _, r := range roles {
		u.Roles = append(u.Roles, jxc.Role(r))
	}
	return u, nil
}

func setRoles(ctx context.Context, q Queryer, userID int64, roles []jxc.Role) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM user_roles WHERE user_id = $1`, userID); err != nil {
		return err
	}
	rs := make([]string, len(roles))
	for i, r := range roles {
		rs[i] = string(r)
	}
	_, err := q.ExecContext(ctx, `INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, userID, pq.Array(rs))
	return err
}

// SetLanguage implements jxc.UserService.
func (s *UserService) SetLanguage(ctx context.Context, userID int64, lang *jxc.Language) (*jxc.User, error) {
	if lang != nil && lang.Tag() == "" {
		return nil, jxc.FieldErrorf(jxc.EINVALID, "language", "the language must be ZH_CN or EN")
	}
	var u *jxc.User
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateMyLanguage"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordUser, userID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET language = $2 WHERE id = $1`, userID, lang); err != nil {
			return err
		}
		tx.Produced(jxc.RecordUser, userID, "", jxc.AuditUpdate)
		var err error
		u, err = findUser(ctx, tx, userID)
		return err
	})
	return u, err
}
