package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// openInvoicesSQL and openCreditsSQL are a customer's (c) open invoice
// balances and unapplied credits (payments, returns): columns of
// customerCols and, as expressions, what OPEN_BALANCE orders by (ORDER BY
// may name an output column alone, not compute with it).
const (
	openInvoicesSQL = `coalesce((SELECT sum(i.total_amount - i.paid_amount - i.credited_amount) FROM sales_invoices i
		WHERE i.customer_id = c.id AND i.status <> 'PAID'), 0)`
	openCreditsSQL = `(coalesce((SELECT sum(p.amount - p.applied_amount - p.refunded_amount) FROM customer_payments p WHERE p.customer_id = c.id), 0)
	+ coalesce((SELECT sum(r.total_amount - r.applied_amount - r.refunded_amount) FROM sales_returns r WHERE r.customer_id = c.id), 0))`
)

// customerCols selects a customer with its receivables; $1 is today (for
// what is overdue).
const customerCols = `c.id, c.code, c.name, c.contacts, c.addresses, c.region, c.salesperson, c.channel, c.credit_limit,
	c.payment_terms_days, c.preferences, c.notes, c.active, c.created_at, c.updated_at, c.tax_id,
	c.invoicing, c.bank_name, c.bank_account,
	` + openInvoicesSQL + ` AS open_invoices,
	` + openCreditsSQL + ` AS open_credits,
	coalesce((SELECT sum(i.total_amount - i.paid_amount - i.credited_amount) FROM sales_invoices i
		WHERE i.customer_id = c.id AND i.status <> 'PAID' AND i.due_date < $1::date), 0) AS overdue_amount,
	coalesce((SELECT sum(greatest(o.total_amount - coalesce((SELECT sum(il.net_amount + il.vat_amount)
			FROM sales_invoice_lines il JOIN shipment_lines sl ON sl.id = il.shipment_line_id JOIN shipments s ON s.id = sl.shipment_id
			WHERE s.order_id = o.id), 0), 0))
		FROM sales_orders o WHERE o.customer_id = c.id AND o.status IN ('CONFIRMED','PARTIALLY_SHIPPED','SHIPPED')), 0) AS uninvoiced_open,
	(SELECT count(*) FROM sales_orders o WHERE o.customer_id = c.id AND o.status = 'ON_HOLD') AS held_orders`

func findCustomer(ctx context.Context, q Queryer, id int64, asOf jxc.Date) (*jxc.Customer, error) {
	c := &jxc.Customer{}
	err := q.GetContext(ctx, c, `SELECT `+customerCols+` FROM customers c WHERE c.id = $2`, asOf, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("id", "customer", id)
	}
	return c, err
}

// CreateCustomer implements jxc.SalesService.
func (s *SalesService) CreateCustomer(ctx context.Context, in jxc.CustomerInput) (*jxc.Customer, error) {
	if err := jxc.ValidateCustomerInput(in); err != nil {
		return nil, err
	}
	var c *jxc.Customer
	id, err := s.write(ctx, jxc.Op{Name: "createCustomer", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		var es jxc.Errors
		if in.Code != "" {
			var n int
			if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM customers WHERE code = $1`, in.Code); err != nil {
				return err
			}
			if n > 0 {
				es.Add(jxc.ECONFLICT, "input.code", "customer code {code} is already used", jxc.P{"code": in.Code})
			}
		}
		if err := checkCreditLimit(ctx, tx, &es, in.Code, decimal.Zero, in.CreditLimit); err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		channel := jxc.ChannelDirect
		if in.Channel != nil {
			channel = *in.Channel
		}
		terms := 30
		if in.PaymentTermsDays != nil {
			terms = *in.PaymentTermsDays
		}
		id, code, err := insertPartner(ctx, tx, "customers", "C", "customer", in.Code, func(code string, skipTaken bool) (int64, error) {
			onConflict := ""
			if skipTaken {
				onConflict = " ON CONFLICT (code) DO NOTHING"
			}
			var id int64
			err := tx.GetContext(ctx, &id, `INSERT INTO customers (code, name, contacts, addresses, region, salesperson, channel,
				credit_limit, payment_terms_days, preferences, notes, created_at, updated_at, invoicing, bank_name, bank_account)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15)`+onConflict+` RETURNING id`,
				code, strings.TrimSpace(in.Name), jxc.Contacts(in.Contacts), jxc.Addresses(in.Addresses), jxc.Deref(in.Region),
				jxc.Deref(in.Salesperson), channel, jxc.DerefOr(in.CreditLimit, decimal.Zero), terms, jxc.Deref(in.Preferences), jxc.Deref(in.Notes), tx.Now,
				normalizedInvoicing(in.Invoicing), strings.TrimSpace(jxc.Deref(in.BankName)), strings.TrimSpace(jxc.Deref(in.BankAccount)))
			return id, err
		})
		if err != nil {
			return domainError(err, "input.code")
		}
		tx.Produced(jxc.RecordCustomer, id, code, jxc.AuditCreate)
		if err := setCustomerTaxID(ctx, tx, id, in.TaxID); err != nil {
			return err
		}
		c, err = findCustomer(ctx, tx, id, today(tx))
		return err
	})
	if err == nil && c == nil { // a replay
		return s.FindCustomerByID(ctx, id)
	}
	return c, err
}

// UpdateCustomer implements jxc.SalesService.
func (s *SalesService) UpdateCustomer(ctx context.Context, in jxc.CustomerUpdate) (*jxc.Customer, error) {
	if err := jxc.ValidateCustomerUpdate(in); err != nil {
		return nil, err
	}
	var c *jxc.Customer
	_, err := s.write(ctx, jxc.Op{Name: "updateCustomer"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordCustomer, in.ID); err != nil {
			return err
		}
		if in.CreditLimit != nil {
			var cur struct {
				Code  string          `db:"code"`
				Limit decimal.Decimal `db:"credit_limit"`
			}
			err := tx.GetContext(ctx, &cur, `SELECT code, credit_limit FROM customers WHERE id = $1 FOR UPDATE`, in.ID)
			if errors.Is(err, sql.ErrNoRows) {
				return notFound("input.id", "customer", in.ID)
			} else if err != nil {
				return err
			}
			var es jxc.Errors
			if err := checkCreditLimit(ctx, tx, &es, cur.Code, cur.Limit, in.CreditLimit); err != nil {
				return err
			}
			if err := es.Err(); err != nil {
				return err
			}
		}
		var contacts, addrs, invoicing any
		if in.Invoicing != nil {
			invoicing = normalizedInvoicing(in.Invoicing)
			if invoicing == nil {
				invoicing = "null" // cleared
			}
		}
		if in.Contacts != nil {
			contacts = jxc.Contacts(in.Contacts)
		}
		if in.Addresses != nil {
			addrs = jxc.Addresses(in.Addresses)
		}
		res, err := tx.ExecContext(ctx, `UPDATE customers SET name = coalesce($2, name), contacts = coalesce($3::jsonb, contacts),
			addresses = coalesce($4::jsonb, addresses), region = coalesce($5, region), salesperson = coalesce($6, salesperson),
			channel = coalesce($7, channel), credit_limit = coalesce($8, credit_limit), payment_terms_days = coalesce($9, payment_terms_days),
			preferences = coalesce($10, preferences), notes = coalesce($11, notes), active = coalesce($12, active), updated_at = $13,
			invoicing = CASE WHEN $14::jsonb IS NULL THEN invoicing WHEN $14::jsonb = 'null' THEN NULL ELSE $14::jsonb END,
			bank_name = coalesce($15, bank_name), bank_account = coalesce($16, bank_account)
			WHERE id = $1`, in.ID, trimmed(in.Name), contacts, addrs, in.Region, in.Salesperson, in.Channel, in.CreditLimit,
			in.PaymentTermsDays, in.Preferences, in.Notes, in.Active, tx.Now, invoicing, trimmed(in.BankName), trimmed(in.BankAccount))
		if err != nil {
			return domainError(err, "input")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("input.id", "customer", in.ID)
		}
		if err := setCustomerTaxID(ctx, tx, in.ID, in.TaxID); err != nil {
			return err
		}
		if in.CreditLimit != nil || in.PaymentTermsDays != nil {
			if err := publishReceivable(ctx, tx, in.ID); err != nil {
				return err
			}
		}
		tx.Produced(jxc.RecordCustomer, in.ID, "", jxc.AuditUpdate)
		c, err = findCustomer(ctx, tx, in.ID, today(tx))
		return err
	})
	return c, err
}

// FindCustomerByID implements jxc.SalesService.
func (s *SalesService) FindCustomerByID(ctx context.Context, id int64) (*jxc.Customer, error) {
	return findCustomer(ctx, s.db, id, jxc.Today(s.db.Now()))
}

// FindCustomers implements jxc.SalesService.
func (s *SalesService) FindCustomers(ctx context.Context, f jxc.CustomerFilter, o *jxc.CustomerOrder, p jxc.PageArgs) (*jxc.Page[*jxc.Customer], error) {
	// $1 is today, used by customerCols.
	w := where{args: []any{jxc.Today(s.db.Now())}, conds: []string{`$1::date IS NOT NULL`}}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(c.code ILIKE %s OR c.name ILIKE %[1]s)`, likePattern(*f.Search))
	}
	if f.Region != nil {
		w.add(`c.region = %s`, *f.Region)
	}
	if f.Channel != nil {
		w.add(`c.channel = %s`, string(*f.Channel))
	}
	if f.Salesperson != nil {
		w.add(`c.salesperson = %s`, *f.Salesperson)
	}
	if f.Active != nil {
		w.add(`c.active = %s`, *f.Active)
	}
	if f.OnCreditHold != nil {
		w.add(`EXISTS (SELECT 1 FROM sales_orders o WHERE o.customer_id = c.id AND o.status = 'ON_HOLD') = %s`, *f.OnCreditHold)
	}
	if f.Overdue != nil {
		w.add(`EXISTS (SELECT 1 FROM sales_invoices i WHERE i.customer_id = c.id AND i.status <> 'PAID' AND i.due_date < $1::date) = %s`, *f.Overdue)
	}
	dir := "ASC"
	order := "c.code"
	if o != nil {
		dir = o.Direction.SQL()
		switch o.Field {
		case jxc.CustomerOrderName:
			order = "c.name"
		case jxc.CustomerOrderOpenBalance:
			order = openInvoicesSQL + " - " + openCreditsSQL
		case jxc.CustomerOrderOverdue:
			order = "overdue_amount"
		case jxc.CustomerOrderRegion:
			order = "c.region"
		case jxc.CustomerOrderCreditLimit:
			order = "c.credit_limit"
		}
	}
	return page[*jxc.Customer](ctx, s.db, p, customerCols, "customers c", &w, order+" "+dir+", c.id "+dir)
}

// CustomersTopProducts implements jxc.SalesService: what each customer of a
// page buys most by invoiced net amount, ranked per customer by
// ROW_NUMBER() in one statement.
func (s *SalesService) CustomersTopProducts(ctx context.Context, customerIDs []int64, limit int) (map[int64][]*jxc.ProductSales, error) {
	if limit <= 0 || limit > 50 {
		limit = 5
	}
	out := make(map[int64][]*jxc.ProductSales, len(customerIDs))
	for _, id := range customerIDs {
		out[id] = []*jxc.ProductSales{}
	}
	var rows []*struct {
		CustomerID int64 `db:"customer_id"`
		jxc.ProductSales
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT customer_id, product_id, quantity, net_amount FROM (
			SELECT i.customer_id, l.product_id, sum(l.quantity) AS quantity, sum(l.net_amount) AS net_amount,
				ROW_NUMBER() OVER (PARTITION BY i.customer_id ORDER BY sum(l.net_amount) DESC, l.product_id) AS rn
			FROM sales_invoice_lines l JOIN sales_invoices i ON i.id = l.invoice_id
			WHERE i.customer_id = ANY($1) GROUP BY i.customer_id, l.product_id) t
		WHERE rn <= $2 ORDER BY customer_id, rn`, pq.Array(customerIDs), limit); err != nil {
		return nil, err
	}
	sales := make([]*jxc.ProductSales, len(rows))
	for i, r := range rows {
		sales[i] = &r.ProductSales
		out[r.CustomerID] = append(out[r.CustomerID], &r.ProductSales)
	}
	return out, fillRowProducts(ctx, s.db, sales, func(r *jxc.ProductSales) (int64, **jxc.Product) { return r.ProductID, &r.Product })
}

// CustomerSatisfaction implements jxc.SalesService; nil customerID means
// every customer.
func (s *SalesService) CustomerSatisfaction(ctx context.Context, customerID *int64) (*jxc.Satisfaction, error) {
	out := &jxc.Satisfaction{}
	err := s.db.GetContext(ctx, out, `SELECT count(rating) AS rated, count(*) FILTER (WHERE rating >= 4) AS satisfied,
		coalesce(round(avg(rating), 2), 0) AS average
		FROM shipments WHERE rating IS NOT NULL AND ($1::bigint IS NULL OR customer_id = $1)`, customerID)
	return out, err
}

// CustomersSatisfaction implements jxc.SalesService: each customer's
// delivery ratings, for a page of customers at once.
func (s *SalesService) CustomersSatisfaction(ctx context.Context, customerIDs []int64) (map[int64]*jxc.Satisfaction, error) {
	out := make(map[int64]*jxc.Satisfaction, len(customerIDs))
	for _, id := range customerIDs {
		out[id] = &jxc.Satisfaction{}
	}
	var rows []*struct {
		CustomerID int64 `db:"customer_id"`
		jxc.Satisfaction
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT customer_id, count(rating) AS rated, count(*) FILTER (WHERE rating >= 4) AS satisfied,
		coalesce(round(avg(rating), 2), 0) AS average
		FROM shipments WHERE rating IS NOT NULL AND customer_id = ANY($1) GROUP BY customer_id`, pq.Array(customerIDs)); err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.CustomerID] = &r.Satisfaction
	}
	return out, nil
}

// checkCreditLimit applies the separation of duties to a credit limit
// about to change from one amount to another (nil: unchanged).
func checkCreditLimit(ctx context.Context, tx *Tx, es *jxc.Errors, code string, from decimal.Decimal, to *decimal.Decimal) error {
	if to == nil || !to.GreaterThan(from) {
		return nil
	}
	set, err := companySettings(ctx, tx)
	if err != nil {
		return err
	}
	if e := jxc.CheckCreditLimitChange(set, jxc.UserFromContext(ctx), "input.creditLimit", code, from, *to); e != nil {
		*es = append(*es, e)
	}
	return nil
}

// setCustomerTaxID sets (or with "" clears) a customer's tax ID when the
// input gives one; nil leaves it.
func setCustomerTaxID(ctx context.Context, tx *Tx, id int64, taxID *string) error {
	if taxID == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE customers SET tax_id = $2 WHERE id = $1`, id, jxc.NormalizedTaxID(taxID))
	return domainError(err, "input.taxId")
}

// normalizedInvoicing is the invoicing details to store: trimmed, nil when
// none is given or every field is empty.
func normalizedInvoicing(v *jxc.InvoicingDetails) any {
	if v == nil {
		return nil
	}
	n := v.Normalized()
	if n == (jxc.InvoicingDetails{}) {
		return nil
	}
	return &n
}
