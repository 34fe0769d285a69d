package jxc

import (
	"fmt"
	"slices"
	"strings"
)

// Alert kinds raised by sales.
const (
	AlertCreditHold = "CREDIT_HOLD"
	AlertShortage   = "SHORTAGE"
)

// alertAudiences are the roles each kind of alert is addressed to, besides
// its owner (if any) and managers, who see every alert. From DOMAIN.md: a
// credit hold is released by finance and concerns the salesperson; a
// budget threshold is for finance and the line's owner; short stock is for
// the warehouse and purchasing (and sales, whose order is short); a price
// rise is for purchasing, and the buyer who ordered owns it.
var alertAudiences = map[string][]Role{
	AlertCreditHold: {RoleFinance, RoleSales},
	AlertBudget80:   {RoleFinance},
	AlertBudget100:  {RoleFinance},
	AlertLowStock:   {RoleWarehouse, RolePurchasing},
	AlertShortage:   {RoleWarehouse, RolePurchasing, RoleSales},
	AlertPriceRise:  {RolePurchasing},
}

// AlertAudience returns the roles an alert of the kind is addressed to. An
// unknown kind is addressed to no role: only its owner and managers see it.
func AlertAudience(kind string) Roles { return slices.Clone(alertAudiences[kind]) }

// Roles is a list of roles, as a text[] column reads (comma separated).
type Roles []Role

// Scan implements sql.Scanner for array_to_string(roles, ',').
func (rs *Roles) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("roles: cannot scan %T", src)
	}
	*rs = Roles{}
	for p := range strings.SplitSeq(s, ",") {
		if p != "" {
			*rs = append(*rs, Role(p))
		}
	}
	return nil
}

// Strings returns the roles as strings, for a text[] parameter.
func (rs Roles) Strings() []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return out
}

// SeesEveryAlert reports whether u reads and acknowledges every alert,
// whoever it is addressed to: managers (and admins, who hold every role).
func SeesEveryAlert(u *User) bool { return u.HasAnyRole(RoleManager) }

// AlertAddressedTo reports whether an alert with this owner and audience is
// u's to see and acknowledge: it is theirs, it is addressed to one of
// their roles, or they see every alert.
func AlertAddressedTo(u *User, ownerID *int64, audience Roles) bool {
	if u == nil {
		return false
	}
	if SeesEveryAlert(u) || (ownerID != nil && *ownerID == u.ID) {
		return true
	}
	for _, r := range u.Roles {
		if slices.Contains(audience, r) {
			return true
		}
	}
	return false
}
