package jxc

import (
	"context"
	"slices"
	"time"
)

// Role is what a user is allowed to do. Analysts are read-only everywhere.
type Role string

const (
	RoleAdmin      Role = "ADMIN"
	RoleManager    Role = "MANAGER"
	RoleSales      Role = "SALES"
	RolePurchasing Role = "PURCHASING"
	RoleWarehouse  Role = "WAREHOUSE"
	RoleFinance    Role = "FINANCE"
	RoleAnalyst    Role = "ANALYST"
)

// AllRoles lists every role in a stable order.
var AllRoles = []Role{RoleAdmin, RoleManager, RoleSales, RolePurchasing, RoleWarehouse, RoleFinance, RoleAnalyst}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(AllRoles, r) }

// User is a person who signs in.
type User struct {
	ID          int64     `db:"id"`
	Username    string    `db:"username"`
	DisplayName string    `db:"display_name"`
	Roles       []Role    `db:"-"`
	Active      bool      `db:"active"`
	CreatedAt   time.Time `db:"created_at"`
	// Language is the user's saved language for the server's messages;
	// nil when none is saved.
	Language *Language `db:"language"`
}

// HasAnyRole reports whether the user holds at least one of roles. Admins
// hold every permission.
func (u *User) HasAnyRole(roles ...Role) bool {
	if u == nil {
		return false
	}
	for _, have := range u.Roles {
		if have == RoleAdmin {
			return true
		}
		if slices.Contains(roles, have) {
			return true
		}
	}
	return false
}

// APIToken is a personal bearer token. Only its hash is stored; the secret is
// shown once, when it is created.
type APIToken struct {
	ID         int64      `db:"id"`
	UserID     int64      `db:"user_id"`
	Name       string     `db:"name"`
	Prefix     string     `db:"prefix"`
	CreatedAt  time.Time  `db:"created_at"`
	LastUsedAt *time.Time `db:"last_used_at"`
	RevokedAt  *time.Time `db:"revoked_at"`
}

// Auth is who is calling and how: through a browser session or a bearer token.
type Auth struct {
	User      *User
	SessionID string // hash of the session secret, when signed in through a session
	TokenID   int64  // when signed in through an API token
}

type authKey struct{}

// NewContextWithAuth returns a context that carries the caller.
func NewContextWithAuth(ctx context.Context, a *Auth) context.Context {
	return context.WithValue(ctx, authKey{}, a)
}

// AuthFromContext returns the caller, or nil when nobody is signed in.
func AuthFromContext(ctx context.Context) *Auth {
	a, _ := ctx.Value(authKey{}).(*Auth)
	return a
}

// UserFromContext returns the signed-in user, or nil.
func UserFromContext(ctx context.Context) *User {
	if a := AuthFromContext(ctx); a != nil {
		return a.User
	}
	return nil
}

// UserService manages users, sessions, tokens and sign-in.
type UserService interface {
	// Login checks a password, subject to throttling per user and per
	// address, and opens a session. It returns the session secret to put in
	// the cookie.
	Login(ctx context.Context, username, password, addr string) (*User, string, error)
	Logout(ctx context.Context, sessionID string) error
	// Authenticate resolves a session secret or a bearer token to the caller.
	AuthenticateSession(ctx context.Context, secret string) (*Auth, error)
	AuthenticateToken(ctx context.Context, secret string) (*Auth, error)

	CreateAPIToken(ctx context.Context, userID int64, name string) (*APIToken, string, error)
	RevokeAPIToken(ctx context.Context, userID, tokenID int64, asAdmin bool) error
	ListAPITokens(ctx context.Context, userID int64) ([]*APIToken, error)

	CreateUser(ctx context.Context, in UserInput) (*User, error)
	UpdateUser(ctx context.Context, id int64, in UserUpdate) (*User, error)
	// ChangePassword changes the user's own password after checking the
	// current one (a wrong one counts as a failed sign-in from addr), and
	// ends every other session and every API token of the user; the
	// session keepSession (the one making the change) stays.
	ChangePassword(ctx context.Context, userID int64, current, password, keepSession, addr string) error
	// ResetPassword sets another user's password (administrators) and ends
	// all of that user's sessions and API tokens.
	ResetPassword(ctx context.Context, userID int64, password string) error
	// SetLanguage saves (or, nil, forgets) a user's language preference.
	SetLanguage(ctx context.Context, userID int64, lang *Language) (*User, error)

	// SignInLockouts lists who cannot sign in now because of failures, and
	// from where.
	SignInLockouts(ctx context.Context) ([]*SignInLockout, error)
	// ClearSignInLockout forgets the failures of a user name, of an
	// address, or of the pair, and returns how many it forgot.
	ClearSignInLockout(ctx context.Context, username, address string) (int, error)
	FindUsers(ctx context.Context) ([]*User, error)
	FindUserByID(ctx context.Context, id int64) (*User, error)
}

// UserInput creates a user.
type UserInput struct {
	Username    string
	DisplayName string
	Password    string
	Roles       []Role
}

// UserUpdate changes a user; nil fields stay as they are.
type UserUpdate struct {
	DisplayName *string
	Roles       []Role
	Active      *bool
}

// ValidateUserInput returns every rule the input breaks.
func ValidateUserInput(in UserInput) error {
	var es Errors
	if !validUsername(in.Username) {
		es.Add(EINVALID, "input.username", "username must be 2 to 40 characters of a-z, 0-9, '.', '_' or '-'")
	}
	ValidateNewPassword(&es, "input.password", in.Password)
	validateRoles(&es, "input.roles", in.Roles)
	return es.Err()
}

func validateRoles(es *Errors, field string, roles []Role) {
	if len(roles) == 0 {
		es.Add(EINVALID, field, "a user needs at least one role")
	}
	for i, r := range roles {
		if !r.Valid() {
			es.Add(EINVALID, field+"."+itoa(i), "unknown role {role}", P{"role": string(r)})
		}
	}
}

// ValidateUserUpdate returns every rule the update breaks.
func ValidateUserUpdate(in UserUpdate) error {
	var es Errors
	if in.Roles != nil {
		validateRoles(&es, "input.roles", in.Roles)
	}
	return es.Err()
}

func validUsername(s string) bool {
	if len(s) < 2 || len(s) > 40 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Sign-in throttling. An outsider must not be able to lock a person out of
// their usual address, so failures are counted three ways:
//   - per (user name, address): a few tries, then that pair waits;
//   - per user name from any address but the user's usual ones (where they
//     signed in successfully lately): a slower limit against guessing from
//     many addresses;
//   - per address, for every user name but those it is usual for: high
//     enough for an office behind one NAT address.
//
// The counters are rows in PostgreSQL, so every replica sees them.
const (
	SignInPairFailures = 5
	SignInPairWindow   = 15 * time.Minute
	SignInUserFailures = 50
	SignInAddrFailures = 200
	SignInSlowWindow   = time.Hour
	// SignInUsualFor is how long a successful sign-in makes an address a
	// user's usual one.
	SignInUsualFor = 30 * 24 * time.Hour
)

// SignInCounts are the recent failures that bear on one sign-in attempt.
type SignInCounts struct {
	Pair  int  // this user name from this address, in SignInPairWindow
	User  int  // this user name from anywhere, in SignInSlowWindow
	Addr  int  // this address for any user name, in SignInSlowWindow
	Usual bool // the user signed in from this address within SignInUsualFor
}

// CheckSignInThrottle says whether an attempt may go ahead: ETHROTTLED when
// a limit is reached. The slower limits do not apply from a usual address,
// so failures elsewhere never lock a person out there.
func CheckSignInThrottle(c SignInCounts) error {
	switch {
	case c.Pair >= SignInPairFailures:
		return Errorf(ETHROTTLED, "too many failed sign-ins for this user from this address; try again in {minutes} minutes", P{"minutes": int(SignInPairWindow.Minutes())})
	case !c.Usual && c.User >= SignInUserFailures:
		return Errorf(ETHROTTLED, "too many failed sign-ins for this user; try again within the hour, or from an address you usually sign in from")
	case !c.Usual && c.Addr >= SignInAddrFailures:
		return Errorf(ETHROTTLED, "too many failed sign-ins from this address; try again within the hour")
	}
	return nil
}

// SignInLockoutScope is what a lockout blocks.
type SignInLockoutScope string

// The scopes of a lockout, one per limit of CheckSignInThrottle.
const (
	LockoutUserAtAddress SignInLockoutScope = "USER_AT_ADDRESS"
	LockoutUser          SignInLockoutScope = "USER"
	LockoutAddress       SignInLockoutScope = "ADDRESS"
)

// SignInLockout is a limit of CheckSignInThrottle that is reached now.
type SignInLockout struct {
	Scope       SignInLockoutScope `db:"scope"`
	Username    *string            `db:"username"`
	Address     *string            `db:"address"`
	Failures    int                `db:"failures"`
	LockedUntil time.Time          `db:"locked_until"`
}

// ValidateNewPassword adds the rules a new password breaks to es.
func ValidateNewPassword(es *Errors, field, password string) {
	if len(password) < 4 {
		es.Add(EINVALID, field, "password must be at least 4 characters")
	}
}
