package db_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// smallEnterpriseChart is the 小企业会计准则 chart as this chart numbers it:
// the standard's codes, but its profit and loss class 5xxx on this chart's
// 6xxx numbers (5001 主营业务收入 is 6001, and so on).
var smallEnterpriseChart = []struct {
	code, name string
	typ        jxc.AccountType
	dir        jxc.AccountDirection
}{
	{"1001", "库存现金", jxc.AccountAsset, jxc.DirectionDebit}, {"1002", "银行存款", jxc.AccountAsset, jxc.DirectionDebit},
	{"1012", "其他货币资金", jxc.AccountAsset, jxc.DirectionDebit}, {"1101", "短期投资", jxc.AccountAsset, jxc.DirectionDebit},
	{"1121", "应收票据", jxc.AccountAsset, jxc.DirectionDebit}, {"1122", "应收账款", jxc.AccountAsset, jxc.DirectionDebit},
	{"1123", "预付账款", jxc.AccountAsset, jxc.DirectionDebit}, {"1131", "应收股利", jxc.AccountAsset, jxc.DirectionDebit},
	{"1132", "应收利息", jxc.AccountAsset, jxc.DirectionDebit}, {"1221", "其他应收款", jxc.AccountAsset, jxc.DirectionDebit},
	{"1401", "材料采购", jxc.AccountAsset, jxc.DirectionDebit}, {"1402", "在途物资", jxc.AccountAsset, jxc.DirectionDebit},
	{"1403", "原材料", jxc.AccountAsset, jxc.DirectionDebit}, {"1404", "材料成本差异", jxc.AccountAsset, jxc.DirectionDebit},
	{"1405", "库存商品", jxc.AccountAsset, jxc.DirectionDebit}, {"1407", "商品进销差价", jxc.AccountAsset, jxc.DirectionCredit},
	{"1408", "委托加工物资", jxc.AccountAsset, jxc.DirectionDebit}, {"1411", "周转材料", jxc.AccountAsset, jxc.DirectionDebit},
	{"1421", "消耗性生物资产", jxc.AccountAsset, jxc.DirectionDebit}, {"1501", "长期债券投资", jxc.AccountAsset, jxc.DirectionDebit},
	{"1511", "长期股权投资", jxc.AccountAsset, jxc.DirectionDebit}, {"1601", "固定资产", jxc.AccountAsset, jxc.DirectionDebit},
	{"1602", "累计折旧", jxc.AccountAsset, jxc.DirectionCredit}, {"1604", "在建工程", jxc.AccountAsset, jxc.DirectionDebit},
	{"1605", "工程物资", jxc.AccountAsset, jxc.DirectionDebit}, {"1606", "固定资产清理", jxc.AccountAsset, jxc.DirectionDebit},
	{"1621", "生产性生物资产", jxc.AccountAsset, jxc.DirectionDebit}, {"1622", "生产性生物资产累计折旧", jxc.AccountAsset, jxc.DirectionCredit},
	{"1701", "无形资产", jxc.AccountAsset, jxc.DirectionDebit}, {"1702", "累计摊销", jxc.AccountAsset, jxc.DirectionCredit},
	{"1801", "长期待摊费用", jxc.AccountAsset, jxc.DirectionDebit}, {"1901", "待处理财产损溢", jxc.AccountAsset, jxc.DirectionDebit},
	{"2001", "短期借款", jxc.AccountLiability, jxc.DirectionCredit}, {"2201", "应付票据", jxc.AccountLiability, jxc.DirectionCredit},
	{"2202", "应付账款", jxc.AccountLiability, jxc.DirectionCredit}, {"2203", "预收账款", jxc.AccountLiability, jxc.DirectionCredit},
	{"2211", "应付职工薪酬", jxc.AccountLiability, jxc.DirectionCredit}, {"2221", "应交税费", jxc.AccountLiability, jxc.DirectionCredit},
	{"2231", "应付利息", jxc.AccountLiability, jxc.DirectionCredit}, {"2232", "应付利润", jxc.AccountLiability, jxc.DirectionCredit},
	{"2241", "其他应付款", jxc.AccountLiability, jxc.DirectionCredit}, {"2401", "递延收益", jxc.AccountLiability, jxc.DirectionCredit},
	{"2501", "长期借款", jxc.AccountLiability, jxc.DirectionCredit}, {"2701", "长期应付款", jxc.AccountLiability, jxc.DirectionCredit},
	{"3001", "实收资本", jxc.AccountEquity, jxc.DirectionCredit}, {"3002", "资本公积", jxc.AccountEquity, jxc.DirectionCredit},
	{"3101", "盈余公积", jxc.AccountEquity, jxc.DirectionCredit}, {"3103", "本年利润", jxc.AccountEquity, jxc.DirectionCredit},
	{"3104", "利润分配-未分配利润", jxc.AccountEquity, jxc.DirectionCredit},
	{"4001", "生产成本", jxc.AccountAsset, jxc.DirectionDebit}, {"4101", "制造费用", jxc.AccountAsset, jxc.DirectionDebit},
	{"4301", "研发支出", jxc.AccountAsset, jxc.DirectionDebit}, {"4401", "工程施工", jxc.AccountAsset, jxc.DirectionDebit},
	{"4402", "工程结算", jxc.AccountAsset, jxc.DirectionCredit},
	{"4403", "机械作业", jxc.AccountAsset, jxc.DirectionDebit},
	{"6001", "主营业务收入", jxc.AccountRevenueT, jxc.DirectionCredit}, {"6051", "其他业务收入", jxc.AccountRevenueT, jxc.DirectionCredit},
	{"6111", "投资收益", jxc.AccountRevenueT, jxc.DirectionCredit}, {"6301", "营业外收入", jxc.AccountRevenueT, jxc.DirectionCredit},
	{"6401", "主营业务成本", jxc.AccountExpense, jxc.DirectionDebit}, {"6402", "其他业务成本", jxc.AccountExpense, jxc.DirectionDebit},
	{"6403", "税金及附加", jxc.AccountExpense, jxc.DirectionDebit}, {"6601", "销售费用", jxc.AccountExpense, jxc.DirectionDebit},
	{"6602", "管理费用", jxc.AccountExpense, jxc.DirectionDebit}, {"6603", "财务费用", jxc.AccountExpense, jxc.DirectionDebit},
	{"6711", "营业外支出", jxc.AccountExpense, jxc.DirectionDebit}, {"6801", "所得税费用", jxc.AccountExpense, jxc.DirectionDebit},
}

func TestChartHasTheSmallEnterpriseStandard(t *testing.T) {
	ctx := context.Background()
	ledger := db.NewLedgerService(dbtest.New(t))
	all, err := ledger.FindAccounts(ctx, jxc.AccountFilter{}, jxc.Date{})
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]*jxc.Account{}
	for _, a := range all {
		byCode[a.Code] = a
		if a.NameEn == "" {
			t.Errorf("account %s has no English name", a.Code)
		}
	}
	for _, w := range smallEnterpriseChart {
		a := byCode[w.code]
		if a == nil {
			t.Errorf("the chart lacks %s %s", w.code, w.name)
			continue
		}
		if a.Name != w.name || a.Type != w.typ || a.Direction != w.dir {
			t.Errorf("%s: %s %s %s, want %s %s %s", w.code, a.Name, a.Type, a.Direction, w.name, w.typ, w.dir)
		}
	}
	// Every code the chart had before stays, on its type's side.
	for _, code := range []string{"2202.01", "2202.02", "2221.01", "2221.01.01", "2221.01.02", "6404"} {
		if a := byCode[code]; a == nil || a.Direction != jxc.DirectionOf(a.Type) {
			t.Errorf("account %s: %+v", code, a)
		}
	}
	// The control accounts require what their posting rules name.
	for code, want := range map[string]jxc.DimensionSet{"1122": {jxc.DimCustomer}, "2202.01": {jxc.DimSupplier}, "2202.02": {jxc.DimSupplier}, "1405": {jxc.DimProduct}, "6602": {}} {
		if got := byCode[code].Dimensions; !slices.Equal(got, want) {
			t.Errorf("account %s requires %v, want %v", code, got, want)
		}
	}
}

func userErr(t *testing.T, err error, code, field string) *jxc.Error {
	t.Helper()
	es, _ := jxc.AsErrors(err)
	for _, e := range es {
		if e.Code == code && e.Field == field {
			return e
		}
	}
	t.Fatalf("want %s on %s, got %v", code, field, err)
	return nil
}

func TestSubAccountsAndRequiredDimensions(t *testing.T) {
	ctx := context.Background()
	ledger := db.NewLedgerService(dbtest.New(t))
	// A sub-account under a standard account: the parent becomes a group,
	// the sub-account stands on the parent's side.
	a, err := ledger.CreateAccount(ctx, jxc.AccountInput{Code: "2241.01", Name: "其他应付款-押金", NameEn: jxc.Ptr("Deposits received"),
		Type: jxc.AccountLiability, ParentCode: jxc.Ptr("2241")})
	if err != nil {
		t.Fatal(err)
	}
	if a.Direction != jxc.DirectionCredit || len(a.Dimensions) != 0 {
		t.Fatalf("2241.01: %+v", a)
	}
	dep, err := ledger.CreateAccount(ctx, jxc.AccountInput{Code: "1602.01", Name: "累计折旧-设备", Type: jxc.AccountAsset, ParentCode: jxc.Ptr("1602")})
	if err != nil || dep.Direction != jxc.DirectionCredit {
		t.Fatalf("a contra account's sub-account stands on the credit side: %+v %v", dep, err)
	}
	exp, err := ledger.CreateAccount(ctx, jxc.AccountInput{Code: "6602.01", Name: "管理费用-办公费", Type: jxc.AccountExpense, ParentCode: jxc.Ptr("6602"),
		Dimensions: []jxc.Dimension{jxc.DimDepartment}})
	if err != nil || !slices.Equal(exp.Dimensions, jxc.DimensionSet{jxc.DimDepartment}) {
		t.Fatalf("6602.01: %+v %v", exp, err)
	}
	sub, err := ledger.CreateAccount(ctx, jxc.AccountInput{Code: "6602.01.01", Name: "办公费-耗材", Type: jxc.AccountExpense, ParentCode: jxc.Ptr("6602.01")})
	if err != nil || !slices.Equal(sub.Dimensions, jxc.DimensionSet{jxc.DimDepartment}) {
		t.Fatalf("a sub-account requires its parent's dimensions: %+v %v", sub, err)
	}
	all, _ := ledger.FindAccounts(ctx, jxc.AccountFilter{}, jxc.Date{})
	for _, x := range all {
		if (x.Code == "2241" || x.Code == "6602") && !x.Header {
			t.Errorf("%s should be a group now", x.Code)
		}
	}
	// An account the posting rules post to takes no sub-accounts.
	_, err = ledger.CreateAccount(ctx, jxc.AccountInput{Code: "1122.01", Name: "应收-甲", Type: jxc.AccountAsset, ParentCode: jxc.Ptr("1122")})
	userErr(t, err, jxc.ECONFLICT, "input.parentCode")
	_, err = ledger.CreateAccount(ctx, jxc.AccountInput{Code: "6603.01", Name: "x", Type: jxc.AccountExpense, ParentCode: jxc.Ptr("6603"),
		Dimensions: []jxc.Dimension{"COLOUR"}, Direction: jxc.Ptr(jxc.AccountDirection("UP"))})
	userErr(t, err, jxc.EINVALID, "input.dimensions.0")
	userErr(t, err, jxc.EINVALID, "input.direction")

	// A manual line on an account that requires a department without one
	// is refused on the line's department field; nothing is written.
	_, err = ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: feb, Description: "office", Lines: []jxc.ManualLine{
		{AccountCode: "1002", Credit: dec("80")}, {AccountCode: "6602.01.01", Debit: dec("80")}}})
	e := userErr(t, err, jxc.EINVALID, "input.lines.1.department")
	if !strings.Contains(e.Message, "6602.01.01") || !strings.Contains(e.Message, "department") ||
		!strings.Contains(e.Localize(jxc.LangZH), "部门") || e.Reason() != "DIMENSION_REQUIRED" {
		t.Fatalf("message %q / %q reason %s", e.Message, e.Localize(jxc.LangZH), e.Reason())
	}
	// The cost centre serves as the department.
	entry, err := ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: feb, Description: "office", Lines: []jxc.ManualLine{
		{AccountCode: "1002", Credit: dec("80")}, {AccountCode: "6602.01.01", Debit: dec("80"), CostCentre: jxc.Ptr("行政部")}}})
	if err != nil {
		t.Fatal(err)
	}
	if l := entry.Lines[1]; l.Department == nil || *l.Department != "行政部" {
		t.Fatalf("line %+v", l)
	}
	// Requiring a dimension that posted lines lack is refused.
	if _, err := ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: feb, Description: "fee", Lines: []jxc.ManualLine{
		{AccountCode: "1002", Credit: dec("5")}, {AccountCode: "6603", Debit: dec("5")}}}); err != nil {
		t.Fatal(err)
	}
	_, err = ledger.UpdateAccount(ctx, jxc.AccountUpdate{Code: "6603", Dimensions: []jxc.Dimension{jxc.DimDepartment}})
	userErr(t, err, jxc.ECONFLICT, "input.dimensions")
	up, err := ledger.UpdateAccount(ctx, jxc.AccountUpdate{Code: "6601", Dimensions: []jxc.Dimension{jxc.DimSalesperson, jxc.DimDepartment}, Direction: jxc.Ptr(jxc.DirectionDebit)})
	if err != nil || !slices.Equal(up.Dimensions, jxc.DimensionSet{jxc.DimDepartment, jxc.DimSalesperson}) {
		t.Fatalf("6601: %+v %v", up, err)
	}
	checkBooks(t, ledger)

	// Auxiliary balances by department on 6602 (its sub-accounts' lines count with it).
	bal, err := ledger.AuxiliaryBalances(ctx, jxc.AuxiliaryQuery{AccountCode: "6602", Dimension: jxc.DimDepartment, From: feb, To: feb})
	if err != nil {
		t.Fatal(err)
	}
	if len(bal.Rows) != 1 || bal.Rows[0].Code != "行政部" || !bal.Rows[0].Closing.Equal(dec("80")) || bal.Rows[0].ClosingSide != jxc.SideDebit {
		t.Fatalf("balances %+v", bal.Rows)
	}
}

// TestDemoDimensionsAndAuxiliaryBalances: in the demo company the posting
// rules named the customer on every receivable line and the supplier on
// every payable line; the auxiliary balances per customer are the plain
// sums of their lines and add up to the account's balance; a customer's
// ledger runs from the opening to the closing; booksCheck finds a line
// stripped of its customer.
func TestDemoDimensionsAndAuxiliaryBalances(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	ledger := db.NewLedgerService(d)
	for _, c := range []struct{ acct, table, col string }{
		{"1122", "customers", "customer_id"}, {"2202.01", "suppliers", "supplier_id"}, {"2202.02", "suppliers", "supplier_id"}} {
		var n, missing, wrong int
		if err := d.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE l.`+c.col+` IS NULL),
				count(*) FILTER (WHERE x.code IS DISTINCT FROM l.partner)
			FROM journal_lines l LEFT JOIN `+c.table+` x ON x.id = l.`+c.col+` WHERE l.account_code = $1`, c.acct).Scan(&n, &missing, &wrong); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d lines", c.acct, n)
		if n == 0 || missing > 0 || wrong > 0 {
			t.Errorf("%s: %d lines, %d without %s, %d naming another partner than their code", c.acct, n, missing, c.col, wrong)
		}
	}
	var revenue int
	if err := d.GetContext(ctx, &revenue, `SELECT count(*) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
		WHERE l.account_code = '6001' AND l.customer_id IS NULL AND e.source_type <> 'CLOSING'`); err != nil || revenue > 0 {
		t.Errorf("%d revenue lines without their customer (%v)", revenue, err) // closing vouchers (结转损益) carry the month's total
	}
	var inventory int
	if err := d.GetContext(ctx, &inventory, `SELECT count(*) FROM journal_lines WHERE account_code = '1405' AND warehouse_id IS NOT NULL`); err != nil || inventory == 0 {
		t.Errorf("no inventory line names its warehouse (%v)", err)
	}
	checkBooks(t, ledger)

	to := jxc.Today(d.Now())
	from := jxc.Date{Year: to.Year, Month: to.Month, Day: 1}
	bal, err := ledger.AuxiliaryBalances(ctx, jxc.AuxiliaryQuery{AccountCode: "1122", Dimension: jxc.DimCustomer, From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	var want []struct {
		ID      int64           `db:"customer_id"`
		Code    string          `db:"code"`
		Opening decimal.Decimal `db:"opening"`
		Debit   decimal.Decimal `db:"debit"`
		Credit  decimal.Decimal `db:"credit"`
	}
	if err := d.SelectContext(ctx, &want, `SELECT l.customer_id, c.code,
			coalesce(sum(l.debit - l.credit) FILTER (WHERE l.posting_date < $1), 0) AS opening,
			coalesce(sum(l.debit) FILTER (WHERE l.posting_date >= $1), 0) AS debit,
			coalesce(sum(l.credit) FILTER (WHERE l.posting_date >= $1), 0) AS credit
		FROM journal_lines l JOIN customers c ON c.id = l.customer_id
		WHERE l.account_code = '1122' AND l.posting_date <= $2 GROUP BY l.customer_id, c.code ORDER BY c.code`, from, to); err != nil {
		t.Fatal(err)
	}
	var rows []*jxc.AuxiliaryBalance
	for _, r := range bal.Rows {
		if !r.Opening.IsZero() || !r.Debit.IsZero() || !r.Credit.IsZero() {
			rows = append(rows, r)
		}
	}
	kept := want[:0]
	for _, w := range want {
		if !w.Opening.IsZero() || !w.Debit.IsZero() || !w.Credit.IsZero() {
			kept = append(kept, w)
		}
	}
	if len(rows) != len(kept) || len(rows) < 3 {
		t.Fatalf("%d rows, the lines say %d customers", len(rows), len(kept))
	}
	sum := decimal.Zero
	for i, r := range rows {
		w := kept[i]
		if r.ValueID == nil || *r.ValueID != w.ID || r.Code != w.Code || r.Name == "" || !r.Opening.Equal(w.Opening) || !r.Debit.Equal(w.Debit) || !r.Credit.Equal(w.Credit) ||
			!r.Closing.Equal(w.Opening.Add(w.Debit).Sub(w.Credit)) {
			t.Errorf("row %d: %s %v %s/%s/%s/%s, the lines say %+v", i, r.Code, r.ValueID, r.Opening, r.Debit, r.Credit, r.Closing, w)
		}
		sum = sum.Add(r.Closing)
	}
	accts, err := ledger.FindAccounts(ctx, jxc.AccountFilter{}, to)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range accts {
		if a.Code == "1122" && (!a.Balance().Equal(sum) || !bal.Closing.Equal(sum)) {
			t.Errorf("customers' closings add up to %s (total %s); account 1122 stands at %s", sum, bal.Closing, a.Balance())
		}
	}

	// One customer's ledger: opening, each line's running balance, closing.
	var busiest *jxc.AuxiliaryBalance
	for _, r := range rows {
		if busiest == nil || r.Debit.Add(r.Credit).GreaterThan(busiest.Debit.Add(busiest.Credit)) {
			busiest = r
		}
	}
	led, err := ledger.AuxiliaryLedger(ctx, jxc.AuxiliaryQuery{AccountCode: "1122", Dimension: jxc.DimCustomer, ValueID: busiest.ValueID, From: from, To: to}, nil,
		jxc.PageArgs{First: jxc.Ptr(200)})
	if err != nil {
		t.Fatal(err)
	}
	if led.Code != busiest.Code || !led.Opening.Equal(busiest.Opening) || !led.Closing.Equal(busiest.Closing) || len(led.Page.Items) == 0 || led.Page.TotalCount != len(led.Page.Items) {
		t.Fatalf("ledger of %s: %s→%s with %d lines; balances %s→%s", led.Code, led.Opening, led.Closing, len(led.Page.Items), busiest.Opening, busiest.Closing)
	}
	run := led.Opening
	for _, l := range led.Page.Items {
		run = run.Add(l.Debit).Sub(l.Credit)
		if !l.Balance.Equal(run) || l.VoucherNo == "" {
			t.Fatalf("line %+v: running balance %s", l, run)
		}
	}
	if !run.Equal(led.Closing) {
		t.Fatalf("lines run to %s, closing %s", run, led.Closing)
	}
	// Newest first: the same lines and balances the other way round.
	rev, err := ledger.AuxiliaryLedger(ctx, jxc.AuxiliaryQuery{AccountCode: "1122", Dimension: jxc.DimCustomer, ValueID: busiest.ValueID, From: from, To: to},
		&jxc.AuxiliaryLedgerOrder{Direction: jxc.Desc}, jxc.PageArgs{First: jxc.Ptr(1)})
	if err != nil || len(rev.Page.Items) != 1 || !rev.Page.Items[0].Balance.Equal(led.Closing) {
		t.Fatalf("newest first %+v %v", rev, err)
	}
	// A second page continues the running balance.
	if len(led.Page.Items) > 1 {
		p2, err := ledger.AuxiliaryLedger(ctx, jxc.AuxiliaryQuery{AccountCode: "1122", Dimension: jxc.DimCustomer, ValueID: busiest.ValueID, From: from, To: to}, nil,
			jxc.PageArgs{First: jxc.Ptr(1), After: jxc.Ptr(jxc.EncodeCursor(0))})
		if err != nil || len(p2.Page.Items) != 1 || !p2.Page.Items[0].Balance.Equal(led.Page.Items[1].Balance) {
			t.Fatalf("second page %+v %v", p2, err)
		}
	}
	_, err = ledger.AuxiliaryBalances(ctx, jxc.AuxiliaryQuery{AccountCode: "9999", Dimension: "COLOUR", From: to, To: from})
	userErr(t, err, jxc.ENOTFOUND, "accountCode")
	userErr(t, err, jxc.EINVALID, "dimension")
	userErr(t, err, jxc.EINVALID, "from")

	// A receivable line stripped of its customer breaks DIMENSION_MISSING.
	conn, err := d.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, stmt := range []string{`SET session_replication_role = replica`,
		`UPDATE journal_lines SET customer_id = NULL WHERE id = (SELECT min(id) FROM journal_lines WHERE account_code = '1122')`} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	c, err := ledger.BooksCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range c.Violations {
		found = found || v.Rule == jxc.RuleDimensionMissing && len(v.Rows) == 1 && strings.Contains(v.Rows[0].Detail, "CUSTOMER")
	}
	if !found {
		t.Fatalf("a receivable line without its customer went unnoticed: %+v", c.Violations)
	}
}

// TestBackfillNamesWhatTheLinesAlreadySay: the migration's backfill of the
// dimension columns, run over the demo's lines stripped of them, names the
// same customers, suppliers, departments, warehouses and salespeople as the
// posting step did (past lines get what their partner code and moves say).
func TestBackfillNamesWhatTheLinesAlreadySay(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	sqlText, err := os.ReadFile("migrations/0067_ledger_chart_dimensions.sql")
	if err != nil {
		t.Fatal(err)
	}
	s := string(sqlText)
	begin := strings.Index(s, "ALTER TABLE journal_lines DISABLE TRIGGER journal_lines_immutable;")
	end := strings.Index(s, "ALTER TABLE journal_lines ENABLE TRIGGER journal_lines_immutable;")
	if begin < 0 || end < begin {
		t.Fatal("the backfill is not between the trigger's DISABLE and ENABLE")
	}
	backfill := s[begin+len("ALTER TABLE journal_lines DISABLE TRIGGER journal_lines_immutable;") : end]
	// The backfill knew the documents of its time; lines of source types
	// added since (transfers, counts, supplier returns, bin moves) were
	// never without their dimensions, so they are not compared.
	const dims = `SELECT string_agg(format('%s:%s:%s:%s:%s:%s', l.id, l.customer_id, l.supplier_id, l.department, l.warehouse_id, l.salesperson), ',' ORDER BY l.id)
		FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
		WHERE e.source_type NOT IN ('STOCK_TRANSFER','STOCK_COUNT','SUPPLIER_RETURN','BIN_MOVE')`
	var posted string
	if err := d.GetContext(ctx, &posted, dims); err != nil {
		t.Fatal(err)
	}
	conn, err := d.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, stmt := range []string{`SET session_replication_role = replica`,
		`UPDATE journal_lines SET customer_id = NULL, supplier_id = NULL, department = NULL, warehouse_id = NULL, salesperson = NULL`, backfill} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%.80s: %v", stmt, err)
		}
	}
	var filled string
	if err := conn.QueryRowContext(ctx, dims).Scan(&filled); err != nil {
		t.Fatal(err)
	}
	if filled != posted {
		a, b := strings.Split(posted, ","), strings.Split(filled, ",")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("line %s posted, %s backfilled (%d lines)", a[i], b[i], len(a))
			}
		}
		t.Fatalf("%d lines posted, %d backfilled", len(a), len(b))
	}
}

// A code that is taken is named by the code itself, in the reader's
// language, not by the database constraint behind it.
func TestDuplicateAccountCodeNamesTheCode(t *testing.T) {
	ctx := context.Background()
	ledger := db.NewLedgerService(dbtest.New(t))
	in := jxc.AccountInput{Code: "2241.07", Name: "其他应付款-保证金", Type: jxc.AccountLiability, ParentCode: jxc.Ptr("2241")}
	if _, err := ledger.CreateAccount(ctx, in); err != nil {
		t.Fatal(err)
	}
	_, err := ledger.CreateAccount(ctx, in)
	e := userErr(t, err, jxc.ECONFLICT, "input.code")
	if e.Message != "code 2241.07 is already used" || e.Localize(jxc.LangZH) != "编码 2241.07 已被使用" || e.Reason() != "DUPLICATE_CODE" {
		t.Fatalf("message %q / %q reason %s", e.Message, e.Localize(jxc.LangZH), e.Reason())
	}
}
