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
    taxId
    address
    phone
    bankName
    bankAccount
    defaultVatRate
    timeZone
    currency
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
      timeZone
      utcOffsetMinutes
      currency
    }
  }
`);

/** Every field of a numbering rule the settings screen shows. */
export const NumberingRuleFieldsFragment = graphql(`
  fragment NumberingRuleFields on NumberingRule {
    kind
    prefix
    datePart
    padding
    example
    updatedAt
  }
`);

/** How new documents of each kind are numbered. */
export const NumberingRulesQuery = graphql(`
  query NumberingRules {
    numberingRules {
      ...NumberingRuleFields
    }
  }
`);
