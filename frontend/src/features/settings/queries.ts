import { graphql } from '../../gql';

/** Every field of the company settings a screen shows. */
export const CompanySettingsFieldsFragment = graphql(`
  fragment CompanySettingsFields on CompanySettings {
    creditLimitRaiseByFinance
    mismatchApprovalByOther
    orderApprovalByOther
    orderSelfApprovalLimit
    openingStockByFinance
    postingAccountsProtected
    belowCostSaleByManager
    profitCarryForward
    voucherReview
    updatedAt
  }
`);

export const CompanySettingsQuery = graphql(`
  query CompanySettings {
    companySettings {
      ...CompanySettingsFields
    }
  }
`);
