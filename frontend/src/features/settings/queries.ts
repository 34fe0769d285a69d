import { graphql } from '../../gql';

/** Every field of the company settings a screen shows. */
export const CompanySettingsFieldsFragment = graphql(`
  fragment CompanySettingsFields on CompanySettings {
    companyName
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

/** The company's name, for the heads of printed documents (every role reads it). */
export const CompanyQuery = graphql(`
  query Company {
    company {
      name
    }
  }
`);
