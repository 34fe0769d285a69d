import { graphql } from '../../gql';

export const BudgetLineFieldsFragment = graphql(`
  fragment BudgetLineFields on BudgetLine {
    id
    year
    month
    costCentre
    accountCode
    category {
      id
      name
      nameEn
    }
    amount
    owner {
      id
      username
      displayName
    }
    policy
    description
    actual
    committed
    consumed
    remaining
    percent
    alerted80
    alerted100
  }
`);

export const BudgetLinesQuery = graphql(`
  query BudgetLines($first: Int, $after: String, $filter: BudgetFilter, $orderBy: BudgetLineOrder) {
    budgetLines(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...BudgetLineFields
      }
    }
  }
`);

export const BudgetRollupQuery = graphql(`
  query BudgetRollup($year: Int!, $month: Int, $by: BudgetRollupBy!) {
    budgetRollup(year: $year, month: $month, by: $by) {
      key
      lines
      amount
      actual
      committed
      consumed
      percent
    }
  }
`);

export const OperatingCostsQuery = graphql(`
  query OperatingCosts($first: Int, $after: String, $year: Int, $month: Int) {
    operatingCosts(first: $first, after: $after, year: $year, month: $month) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        number
        category
        postingDate
        costCentre
        accountCode
        amount
        payFrom
        supplierId
        supplierInvoiceId
        description
        budgetWarnings
        journalEntryId
        status
        cancelledOn
        cancellationReason
      }
    }
  }
`);
