package jxc

import "testing"

func TestAlertAddressedTo(t *testing.T) {
	owner := int64(7)
	user := func(id int64, roles ...Role) *User { return &User{ID: id, Roles: roles} }
	cases := []struct {
		name     string
		u        *User
		ownerID  *int64
		audience Roles
		want     bool
	}{
		{"a role of the audience", user(1, RoleWarehouse), nil, AlertAudience(AlertLowStock), true},
		{"a role outside the audience", user(1, RoleSales), nil, AlertAudience(AlertLowStock), false},
		{"budget figures are not for sales", user(1, RoleSales), nil, AlertAudience(AlertBudget80), false},
		{"the owner, whatever the role", user(7, RoleSales), &owner, AlertAudience(AlertBudget100), true},
		{"another user of a role outside", user(8, RoleSales), &owner, AlertAudience(AlertBudget100), false},
		{"managers see every alert", user(1, RoleManager), &owner, nil, true},
		{"admins hold every role", user(1, RoleAdmin), &owner, nil, true},
		{"analysts are no audience", user(1, RoleAnalyst), nil, AlertAudience(AlertCreditHold), false},
		{"an unknown kind: owner and managers only", user(1, RoleFinance), nil, AlertAudience("SOMETHING_NEW"), false},
		{"nobody signed in", nil, nil, AlertAudience(AlertLowStock), false},
	}
	for _, c := range cases {
		if got := AlertAddressedTo(c.u, c.ownerID, c.audience); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestRolesScan(t *testing.T) {
	var rs Roles
	if err := rs.Scan("FINANCE,SALES"); err != nil || len(rs) != 2 || rs[1] != RoleSales {
		t.Fatalf("got %v %v", rs, err)
	}
	if err := rs.Scan(""); err != nil || len(rs) != 0 {
		t.Fatalf("empty: got %v %v", rs, err)
	}
}
