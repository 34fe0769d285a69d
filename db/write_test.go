package db_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// signedIn returns a context of a new user with a role, as the GraphQL
// layer makes it.
func signedIn(t testing.TB, d *db.DB, username string, role jxc.Role) context.Context {
	t.Helper()
	u, err := db.NewUserService(d).CreateUser(context.Background(), jxc.UserInput{Username: username, Password: "pass", Roles: []jxc.Role{role}})
	if err != nil {
		t.Fatal(err)
	}
	return jxc.NewContextWithAuth(context.Background(), &jxc.Auth{User: u, SessionID: "s-" + username})
}

func count(t testing.TB, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.GetContext(context.Background(), &n, query, args...); err != nil {
		t.Fatal(err)
	}
	return n
}

// Keys belong to (user, operation): two users who happen to send the same
// key get a document each; a user's own retry gets the first one back and
// posts nothing more.
func TestIdempotencyKeysArePerUser(t *testing.T) {
	p := newPurch(t)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("10"), UnitPrice: decp("10")})
	amy, bob := signedIn(t, p.d, "amy", jxc.RoleWarehouse), signedIn(t, p.d, "bob", jxc.RoleWarehouse)
	key := "scan-1"
	in := jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan, IdempotencyKey: &key,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &o.Lines[0].ID, AcceptedQty: dec("2")}}}
	ra, err := p.svc.PostGoodsReceipt(amy, in)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := p.svc.PostGoodsReceipt(bob, in)
	if err != nil {
		t.Fatal(err)
	}
	if ra.ID == rb.ID {
		t.Fatalf("bob's request with amy's key returned amy's receipt %s", ra.Number)
	}
	entries := count(t, p.d, `SELECT count(*) FROM journal_entries`)
	again, err := p.svc.PostGoodsReceipt(amy, in)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != ra.ID {
		t.Fatalf("amy's retry returned receipt %d, want her first %d", again.ID, ra.ID)
	}
	if n := count(t, p.d, `SELECT count(*) FROM journal_entries`); n != entries {
		t.Fatalf("the retry posted %d journal entries", n-entries)
	}
	if n := count(t, p.d, `SELECT count(*) FROM goods_receipts`); n != 2 {
		t.Fatalf("%d receipts, want amy's and bob's", n)
	}
	if g := balance(t, p.d, jxc.AccountGRNI); !g.Equal(dec("40")) {
		t.Fatalf("GRNI %s, want two receipts of 20.00", g)
	}
	// The audit rows name who posted each receipt, through which session.
	var who []string
	if err := p.d.SelectContext(context.Background(), &who, `SELECT u.username || ' ' || a.via || ' ' || a.record_number || ' ' || a.idempotency_key
		FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.operation = 'postGoodsReceipt' ORDER BY a.id`); err != nil {
		t.Fatal(err)
	}
	want := []string{"amy SESSION " + ra.Number + " scan-1", "bob SESSION " + rb.Number + " scan-1"}
	if fmt.Sprint(who) != fmt.Sprint(want) {
		t.Fatalf("audit rows %q, want %q", who, want)
	}
}

// The same key with another input is a mistake of the caller's, not a
// retry: refused on the key's field, and nothing is written.
func TestIdempotencyKeyReusedWithAnotherInputIsRefused(t *testing.T) {
	p := newPurch(t)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("10"), UnitPrice: decp("10")})
	amy := signedIn(t, p.d, "amy", jxc.RoleWarehouse)
	key := "scan-2"
	in := jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan, IdempotencyKey: &key,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &o.Lines[0].ID, AcceptedQty: dec("2")}}}
	if _, err := p.svc.PostGoodsReceipt(amy, in); err != nil {
		t.Fatal(err)
	}
	entries, audits := count(t, p.d, `SELECT count(*) FROM journal_entries`), count(t, p.d, `SELECT count(*) FROM audit_log`)
	in.Lines[0].AcceptedQty = dec("3")
	_, err := p.svc.PostGoodsReceipt(amy, in)
	if got := codes(err); fmt.Sprint(got) != "[input.idempotencyKey:IDEMPOTENCY_KEY_REUSED]" {
		t.Fatalf("errors %v (%v), want IDEMPOTENCY_KEY_REUSED on input.idempotencyKey", got, err)
	}
	if n := count(t, p.d, `SELECT count(*) FROM journal_entries`); n != entries {
		t.Fatalf("the refused request posted %d journal entries", n-entries)
	}
	if n := count(t, p.d, `SELECT count(*) FROM audit_log`); n != audits {
		t.Fatalf("the refused request wrote %d audit rows", n-audits)
	}
	if n := count(t, p.d, `SELECT count(*) FROM goods_receipts`); n != 1 {
		t.Fatalf("%d receipts, want 1", n)
	}
	// Another operation may use the same key: scopes are per operation.
	if _, err := p.svc.PostSupplierInvoice(amy, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: "INV-1", InvoiceDate: jan,
		IdempotencyKey: &key, Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: o.Lines[0].ID, Quantity: dec("2"), UnitPrice: dec("10")}}}); err != nil {
		t.Fatalf("the same key on another operation: %v", err)
	}
}

// Master data records its row before and after; the demo loader and other
// calls without a user record none.
func TestMasterDataChangesRecordBeforeAndAfter(t *testing.T) {
	b := newBooks(t, 1, 1)
	amy := signedIn(t, b.d, "amy", jxc.RoleWarehouse)
	if _, err := b.catalog.UpdateProduct(amy, jxc.ProductUpdate{ID: b.pid(0), SellPrice: decp("129.90")}); err != nil {
		t.Fatal(err)
	}
	var row struct {
		Op     string          `db:"operation"`
		Number string          `db:"record_number"`
		Action string          `db:"action"`
		Before json.RawMessage `db:"before"`
		After  json.RawMessage `db:"after"`
		Via    *string         `db:"via"`
	}
	if err := b.d.GetContext(context.Background(), &row, `SELECT operation, record_number, action, before, after, via FROM audit_log
		WHERE record_type = 'product' AND record_id = $1 ORDER BY id DESC LIMIT 1`, fmt.Sprint(b.pid(0))); err != nil {
		t.Fatal(err)
	}
	var before, after struct {
		SellPrice json.Number `json:"sell_price"`
	}
	_ = json.Unmarshal(row.Before, &before)
	_ = json.Unmarshal(row.After, &after)
	if row.Op != "updateProduct" || row.Action != "update" || row.Number != "P-000" || before.SellPrice != "0.00" || after.SellPrice != "129.90" {
		t.Fatalf("audit row %s %s %s before %s after %s", row.Op, row.Action, row.Number, before.SellPrice, after.SellPrice)
	}
	if row.Via == nil || *row.Via != "SESSION" {
		t.Fatalf("via %v, want SESSION", row.Via)
	}
	// The product's creation by the test setup (no user) is recorded too.
	if n := count(t, b.d, `SELECT count(*) FROM audit_log WHERE record_type = 'product' AND action = 'create' AND user_id IS NULL AND after IS NOT NULL`); n != 1 {
		t.Fatalf("%d create rows without a user, want 1", n)
	}
	// A user's row never carries the password hash.
	if n := count(t, b.d, `SELECT count(*) FROM audit_log WHERE record_type = 'user' AND (after ? 'password_hash' OR before ? 'password_hash')`); n != 0 {
		t.Fatalf("%d audit rows carry a password hash", n)
	}
}

// Audit rows never change, not even for the table's owner.
func TestAuditRowsCannotBeChangedOrDeleted(t *testing.T) {
	b := newBooks(t, 1, 1)
	ctx := context.Background()
	if n := count(t, b.d, `SELECT count(*) FROM audit_log`); n == 0 {
		t.Fatal("the setup wrote no audit rows")
	}
	owner := fmt.Sprintf("audit_owner_%d", time.Now().UnixNano())
	conn, err := b.d.Connx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{`DROP ROLE IF EXISTS ` + owner, `CREATE ROLE ` + owner, `ALTER TABLE audit_log OWNER TO ` + owner, `SET ROLE ` + owner} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		_, _ = conn.ExecContext(ctx, `RESET ROLE`)
		_, _ = conn.ExecContext(ctx, `ALTER TABLE audit_log OWNER TO CURRENT_USER`)
		_, _ = conn.ExecContext(ctx, `DROP ROLE IF EXISTS `+owner)
	})
	for _, q := range []string{
		`UPDATE audit_log SET action = 'nothing happened'`,
		`UPDATE audit_log SET after = NULL WHERE id = (SELECT min(id) FROM audit_log)`,
		`DELETE FROM audit_log`,
		`TRUNCATE audit_log`,
	} {
		_, err := conn.ExecContext(ctx, q)
		if err == nil || !strings.Contains(err.Error(), "never change") {
			t.Errorf("%s as the owner: %v, want refused", q, err)
		}
	}
	if _, err := conn.ExecContext(ctx, `RESET ROLE`); err != nil {
		t.Fatal(err)
	}
	if n := count(t, b.d, `SELECT count(*) FROM audit_log WHERE action = 'nothing happened' OR after IS NULL AND record_type = 'product'`); n != 0 {
		t.Fatalf("%d audit rows were changed", n)
	}
}

func TestFindAuditEntriesReads(t *testing.T) {
	b := newBooks(t, 1, 1)
	p, err := db.NewAuditService(b.d).FindAuditEntries(context.Background(), jxc.AuditFilter{}, nil, jxc.PageArgs{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) == 0 {
		t.Fatal("no entries")
	}
}
