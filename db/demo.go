package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jxcgraph/jxc"
)

// DemoPassword is every demo user's password.
const DemoPassword = "demo"

// DemoUsers are created on the first start in demo mode, one per role.
var DemoUsers = []struct {
	Username, DisplayName string
	Roles                 []jxc.Role
}{
	{"admin", "系统管理员 Admin", []jxc.Role{jxc.RoleAdmin}},
	{"manager", "总经理 Manager", []jxc.Role{jxc.RoleManager}},
	{"sales", "销售 Sales", []jxc.Role{jxc.RoleSales}},
	{"purchasing", "采购 Purchasing", []jxc.Role{jxc.RolePurchasing}},
	{"warehouse", "仓库 Warehouse", []jxc.Role{jxc.RoleWarehouse}},
	{"finance", "财务 Finance", []jxc.Role{jxc.RoleFinance}},
	{"analyst", "分析师 Analyst", []jxc.Role{jxc.RoleAnalyst}},
}

// DemoLoader adds one module's demo data.
type DemoLoader struct {
	Name string
	Load func(ctx context.Context, db *DB) error
}

// demoLoaders run in this order, once, on the first start in demo mode. A
// later loader may use what an earlier one made (the story uses the
// opening's products and warehouses), so a new module adds its loader
// here, after the loaders it depends on.
var demoLoaders = []DemoLoader{
	{"opening", loadDemoOpening},
	{"story", loadDemoStory},
}

// LoadDemo creates the demo users and company the first time; later starts
// find the 'demo_loaded' setting and do nothing. It reports whether it loaded.
func (db *DB) LoadDemo(ctx context.Context) (bool, error) {
	conn, err := db.Connx(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	restore, err := noStatementTimeout(ctx, conn)
	if err != nil {
		return false, err
	}
	defer restore()
	// Replicas starting together load the demo once.
	const lockKey = 7410_2027
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
		return false, err
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, lockKey)
	if done, err := db.setting(ctx, "demo_loaded"); err != nil || done != "" {
		return false, err
	}
	users := NewUserService(db)
	for _, u := range DemoUsers {
		if _, err := users.CreateUser(ctx, jxc.UserInput{Username: u.Username, DisplayName: u.DisplayName, Password: DemoPassword, Roles: u.Roles}); err != nil {
			return false, fmt.Errorf("demo user %s: %w", u.Username, err)
		}
	}
	for _, l := range demoLoaders {
		if err := l.Load(ctx, db); err != nil {
			return false, fmt.Errorf("demo data (%s): %w", l.Name, err)
		}
	}
	_, err = db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('demo_loaded', 'yes')`)
	return err == nil, err
}

// EnsureAdmin creates the user admin with password when there are no users
// yet (outside demo mode). It reports whether it created one.
func (db *DB) EnsureAdmin(ctx context.Context, password string) (bool, error) {
	var n int
	if err := db.GetContext(ctx, &n, `SELECT count(*) FROM users`); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if password == "" {
		return false, errors.New("there are no users yet: set JXC_ADMIN_PASSWORD to create the first admin, or run in demo mode (DEMO=1)")
	}
	_, err := NewUserService(db).CreateUser(ctx, jxc.UserInput{Username: "admin", DisplayName: "Admin", Password: password, Roles: []jxc.Role{jxc.RoleAdmin}})
	return err == nil, err
}

func (db *DB) setting(ctx context.Context, key string) (string, error) {
	var v string
	err := db.GetContext(ctx, &v, `SELECT value FROM settings WHERE key = $1`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}
