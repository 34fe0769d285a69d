package graph

import "github.com/jxcgraph/jxc"

// companySettingsUpdate translates the settings input.
func companySettingsUpdate(in CompanySettingsInput) jxc.CompanySettingsUpdate {
	return jxc.CompanySettingsUpdate{
		CreditLimitRaiseByFinance: in.CreditLimitRaiseByFinance,
		MismatchApprovalByOther:   in.MismatchApprovalByOther,
		OrderApprovalByOther:      in.OrderApprovalByOther,
		OrderSelfApprovalLimit:    in.OrderSelfApprovalLimit,
		OpeningStockByFinance:     in.OpeningStockByFinance,
		PostingAccountsProtected:  in.PostingAccountsProtected,
		BelowCostSaleByManager:    in.BelowCostSaleByManager,
		ProfitCarryForward:        in.ProfitCarryForward,
		VoucherReview:             in.VoucherReview,
		CompanyName:               in.CompanyName,
		TaxID:                     in.TaxID,
		Address:                   in.Address,
		Phone:                     in.Phone,
		BankName:                  in.BankName,
		BankAccount:               in.BankAccount,
		DefaultVATRate:            in.DefaultVatRate,
		TimeZone:                  in.TimeZone,
		Currency:                  in.Currency,
	}
}
