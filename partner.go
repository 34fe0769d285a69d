package jxc

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// The partner core: what customers and suppliers share. Contacts and
// addresses are checked by one set of rules, and open items of either side
// are aged into the same buckets.

// Contact is a person to talk to at a customer.
type Contact struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}

// Address is a place to deliver to or send invoices to. A customer's ship-to
// addresses name whom to hand the goods to; one of them may be the default.
type Address struct {
	Label     string `json:"label,omitempty"`
	Address   string `json:"address"`
	Region    string `json:"region,omitempty"`
	Contact   string `json:"contact,omitempty"`
	Phone     string `json:"phone,omitempty"`
	IsDefault bool   `json:"isDefault,omitempty"`
}

// InvoicingDetails are what a customer's VAT invoices carry (开票信息):
// the buyer's name, tax ID, address and phone, bank and account.
type InvoicingDetails struct {
	Title        string `json:"title"`
	TaxID        string `json:"taxId,omitempty"`
	AddressPhone string `json:"addressPhone,omitempty"`
	BankAccount  string `json:"bankAccount,omitempty"`
}

// Value implements driver.Valuer: no details (all fields empty) is NULL.
func (v *InvoicingDetails) Value() (driver.Value, error) {
	if v == nil || *v == (InvoicingDetails{}) {
		return nil, nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// Scan implements sql.Scanner.
func (v *InvoicingDetails) Scan(src any) error { return jsonScan(src, v) }

// Normalized trims the texts and upper-cases the tax ID.
func (v InvoicingDetails) Normalized() InvoicingDetails {
	v.Title, v.AddressPhone, v.BankAccount = strings.TrimSpace(v.Title), strings.TrimSpace(v.AddressPhone), strings.TrimSpace(v.BankAccount)
	if t := NormalizedTaxID(&v.TaxID); t != nil {
		v.TaxID = *t
	} else {
		v.TaxID = ""
	}
	return v
}

// BankDetails are a partner's bank and account number.
type BankDetails struct {
	BankName    *string
	BankAccount *string
}

func checkBank(es *Errors, b BankDetails) {
	checkOptText(es, "input.bankName", "bank", b.BankName, 0, 100)
	if a := b.BankAccount; a != nil {
		s := strings.TrimSpace(*a)
		if len(s) > 50 || s != "" && !bankAccountPattern.MatchString(s) {
			es.Add(EINVALID, "input.bankAccount", "the bank account {value} must be up to 50 digits, letters, spaces or '-'", P{"value": s})
		}
	}
}

var bankAccountPattern = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z -]*$`)

// CheckPartnerTaxID adds the rule a partner's tax ID breaks: an 18-character
// unified social credit code with its check character (GB 32100-2015), or
// an old tax registration number of 15 to 20 letters and digits (15 before
// the codes were unified, 17 to 20 for a person's ID-based number). id is
// normalized (NormalizedTaxID).
func CheckPartnerTaxID(es *Errors, field, id string) {
	if len(id) == 18 {
		CheckTaxID(es, field, id)
		return
	}
	if len(id) < 15 || len(id) > 20 || !oldTaxIDPattern.MatchString(id) {
		es.Add(EINVALID, field, "a tax ID is an 18-character unified social credit code or an old tax registration number of 15 to 20 letters and digits; {value} is neither", P{"value": id})
	}
}

var oldTaxIDPattern = regexp.MustCompile(`^[0-9A-Z]+$`)

// IsCreditCode reports whether a normalized tax ID is a valid unified
// social credit code (what a Golden Tax invoice's buyer tax ID must be).
func IsCreditCode(id string) bool {
	var es Errors
	if len(id) != 18 {
		return false
	}
	CheckTaxID(&es, "", id)
	return len(es) == 0
}

func checkInvoicing(es *Errors, v *InvoicingDetails) {
	if v == nil {
		return
	}
	n := v.Normalized()
	if n == (InvoicingDetails{}) {
		return
	}
	checkText(es, "input.invoicing.title", "invoice title", n.Title, 1, 200)
	if n.TaxID != "" {
		CheckPartnerTaxID(es, "input.invoicing.taxId", n.TaxID)
	}
	checkText(es, "input.invoicing.addressPhone", "address and phone", n.AddressPhone, 0, 300)
	checkText(es, "input.invoicing.bankAccount", "bank and account", n.BankAccount, 0, 200)
}

// Contacts is stored as JSON.
type Contacts []Contact

// Addresses is stored as JSON.
type Addresses []Address

// Value implements driver.Valuer.
func (c Contacts) Value() (driver.Value, error) { return jsonValue(c) }

// Scan implements sql.Scanner.
func (c *Contacts) Scan(src any) error { return jsonScan(src, c) }

// Value implements driver.Valuer.
func (a Addresses) Value() (driver.Value, error) { return jsonValue(a) }

// Scan implements sql.Scanner.
func (a *Addresses) Scan(src any) error { return jsonScan(src, a) }

var emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+$`)

// checkContact checks what every partner contact has: a name, and a phone
// and an e-mail address that may be left out. f is the input path prefix.
func checkContact(es *Errors, f, name, phone, email string) {
	checkText(es, f+"name", "name", name, 1, 100)
	checkText(es, f+"phone", "phone", phone, 0, 50)
	if email != "" && (!emailPattern.MatchString(email) || len(email) > 200) {
		es.Add(EINVALID, f+"email", "{email} is not an e-mail address", P{"email": email})
	}
}

// checkContactCount refuses more than 20 contacts for a partner (who:
// "customer" or "supplier").
func checkContactCount(es *Errors, who string, n int) {
	if n > 20 {
		es.Add(EINVALID, "input.contacts", "a {partner} may have at most 20 contacts", P{"partner": Noun(who)})
	}
}

func checkContacts(es *Errors, contacts []Contact) {
	checkContactCount(es, "customer", len(contacts))
	for i, c := range contacts {
		f := fmt.Sprintf("input.contacts.%d.", i)
		checkContact(es, f, c.Name, c.Phone, c.Email)
		checkText(es, f+"title", "title", c.Title, 0, 100)
	}
}

func checkAddresses(es *Errors, addrs []Address) {
	if len(addrs) > 20 {
		es.Add(EINVALID, "input.addresses", "a customer may have at most 20 addresses")
	}
	defaults := 0
	for i, a := range addrs {
		f := fmt.Sprintf("input.addresses.%d.", i)
		checkText(es, f+"label", "label", a.Label, 0, 50)
		checkText(es, f+"address", "address", a.Address, 1, 300)
		checkText(es, f+"region", "region", a.Region, 0, 50)
		checkText(es, f+"contact", "contact", a.Contact, 0, 100)
		checkText(es, f+"phone", "phone", a.Phone, 0, 50)
		if a.IsDefault {
			if defaults++; defaults > 1 {
				es.Add(EINVALID, f+"isDefault", "only one address may be the default")
			}
		}
	}
}

// AgingBuckets splits a partner's open items (receivables or payables) by
// days past due.
type AgingBuckets struct {
	NotDue     decimal.Decimal `db:"not_due"`
	Days1To30  decimal.Decimal `db:"days_1_30"`
	Days31To60 decimal.Decimal `db:"days_31_60"`
	Days61To90 decimal.Decimal `db:"days_61_90"`
	Over90     decimal.Decimal `db:"over_90"`
	Total      decimal.Decimal `db:"total"`
}

// Current is the amount not yet due, the receivables' old name for NotDue.
func (b AgingBuckets) Current() decimal.Decimal { return b.NotDue }

// Add puts an open amount into its bucket by days overdue.
func (b *AgingBuckets) Add(amount decimal.Decimal, daysOverdue int) {
	switch {
	case daysOverdue <= 0:
		b.NotDue = b.NotDue.Add(amount)
	case daysOverdue <= 30:
		b.Days1To30 = b.Days1To30.Add(amount)
	case daysOverdue <= 60:
		b.Days31To60 = b.Days31To60.Add(amount)
	case daysOverdue <= 90:
		b.Days61To90 = b.Days61To90.Add(amount)
	default:
		b.Over90 = b.Over90.Add(amount)
	}
	b.Total = b.Total.Add(amount)
}

// Plus returns the sum of two sets of buckets (totals over partners).
func (b AgingBuckets) Plus(o AgingBuckets) AgingBuckets {
	return AgingBuckets{NotDue: b.NotDue.Add(o.NotDue), Days1To30: b.Days1To30.Add(o.Days1To30), Days31To60: b.Days31To60.Add(o.Days31To60),
		Days61To90: b.Days61To90.Add(o.Days61To90), Over90: b.Over90.Add(o.Over90), Total: b.Total.Add(o.Total)}
}

// PartnerKind says which kind of partner a statement is for.
type PartnerKind string

// Partner kinds.
const (
	PartnerCustomer PartnerKind = "CUSTOMER"
	PartnerSupplier PartnerKind = "SUPPLIER"
)

// StatementAccounts are the control accounts whose lines make a partner's
// statement of account: receivables and advances received for a customer
// (1122, 2203), payables and advances paid for a supplier (2202.01, 1123).
// The GRNI account is left out: goods received but not invoiced are not
// yet owed to the supplier.
func StatementAccounts(k PartnerKind) []string {
	if k == PartnerSupplier {
		return []string{"2202.01", "1123"}
	}
	return []string{"1122", "2203"}
}

// PartnerStatementLine is one posting on a partner's account.
type PartnerStatementLine struct {
	Date        Date            `db:"posting_date"`
	EntryID     int64           `db:"entry_id"`
	VoucherNo   string          `db:"voucher_no"`
	SourceType  SourceType      `db:"source_type"`
	SourceID    *int64          `db:"source_id"`
	AccountCode string          `db:"account_code"`
	Description string          `db:"description"`
	Debit       decimal.Decimal `db:"debit"`
	Credit      decimal.Decimal `db:"credit"`
	// Balance is the running balance after this line, in the partner's
	// direction (what the customer owes us, what we owe the supplier).
	Balance decimal.Decimal `db:"-"`
}

// PartnerStatement is a partner's statement of account (对账单) over a
// date range: the balance brought forward, every posting, and the balance
// carried forward.
type PartnerStatement struct {
	Kind      PartnerKind
	PartnerID int64
	Code      string
	Name      string
	From, To  Date
	Opening   decimal.Decimal
	Lines     []*PartnerStatementLine
	Debit     decimal.Decimal
	Credit    decimal.Decimal
	Closing   decimal.Decimal
}

// RunStatement fills the running balances and totals of a statement from
// its opening balance and lines in posting order: a customer's balance
// grows with debits, a supplier's with credits.
func RunStatement(st *PartnerStatement) {
	bal := st.Opening
	st.Debit, st.Credit = decimal.Zero, decimal.Zero
	for _, l := range st.Lines {
		st.Debit, st.Credit = st.Debit.Add(l.Debit), st.Credit.Add(l.Credit)
		if st.Kind == PartnerSupplier {
			bal = bal.Add(l.Credit).Sub(l.Debit)
		} else {
			bal = bal.Add(l.Debit).Sub(l.Credit)
		}
		l.Balance = bal
	}
	st.Closing = bal
}

// StatementRange checks a statement's dates and fills the defaults: to is
// today, from the first day of to's year.
func StatementRange(from, to *Date, today Date) (Date, Date, error) {
	t := today
	if to != nil && !to.IsZero() {
		t = *to
	}
	f := Date{Year: t.Year, Month: 1, Day: 1}
	if from != nil && !from.IsZero() {
		f = *from
	}
	if t.Before(f) {
		return f, t, FieldErrorf(EINVALID, "from", "from ({from}) must not be after to ({to})", P{"from": f, "to": t})
	}
	return f, t, nil
}

// PartnerService reads what customers and suppliers share.
type PartnerService interface {
	// Statement is a partner's statement of account from the ledger.
	Statement(ctx context.Context, kind PartnerKind, partnerID int64, from, to Date) (*PartnerStatement, error)
	// Statements is Statement for a page of partners of one kind at once
	// (the nested statement of a page of customers or suppliers).
	Statements(ctx context.Context, kind PartnerKind, partnerIDs []int64, from, to Date) (map[int64]*PartnerStatement, error)
}
