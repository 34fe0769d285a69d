import { graphql } from '../../gql';export const AccountsQuery = graphql(`
  query Accounts($filter: AccountFilter, $asOf: Date) {
    accounts(filter: $filter, asOf: $asOf) {
      code
      name
      nameEn
      type
      parentCode
      header
      manualPosting
      active
      direction
      dimensions
      debit
      credit
      balance
    }
  }
`);

export const JournalEntryFieldsFragment = graphql(`
  fragment JournalEntryFields on JournalEntry {
    id
    voucherNo
    postingDate
    description
    source {
      type
      id
      number
    }
    reversesId
    reversedById
    reversesVoucherNo
    reversedByVoucherNo
    hasStockMoves
    createdAt
    totalDebit
    reviewedAt
    lines {
      id
      lineNo
      account {
        code
        name
        nameEn
      }
      debit
      credit
      costCentre
      partner
      product {
        id
        sku
        name
      }
      department
      salesperson
      description
    }
  }
`);

export const JournalEntriesQuery = graphql(`
  query JournalEntries($first: Int, $after: String, $filter: JournalEntryFilter, $orderBy: JournalEntryOrder) {
    journalEntries(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...JournalEntryFields
      }
    }
  }
`);

export const JournalEntryQuery = graphql(`
  query JournalEntry($id: ID!) {
    journalEntry(id: $id) {
      ...JournalEntryFields
    }
  }
`);

export const ProfitAndLossQuery = graphql(`
  query ProfitAndLoss($from: Date!, $to: Date!) {
    profitAndLoss(from: $from, to: $to) {
      from
      to
      totalRevenue
      totalExpense
      netIncome
      revenue {
        ...StatementLineFields
      }
      expenses {
        ...StatementLineFields
      }
    }
  }
`);

/** A financial statement's line: the account and its amount. */
export const StatementLineFieldsFragment = graphql(`
  fragment StatementLineFields on StatementLine {
    account {
      code
      name
      nameEn
    }
    amount
  }
`);

export const BalanceSheetQuery = graphql(`
  query BalanceSheet($asOf: Date!) {
    balanceSheet(asOf: $asOf) {
      asOf
      totalAssets
      totalLiabilities
      totalEquity
      unclosedProfit
      balanced
      assets {
        ...StatementLineFields
      }
      liabilities {
        ...StatementLineFields
      }
      equity {
        ...StatementLineFields
      }
    }
  }
`);

export const FiscalPeriodsQuery = graphql(`
  query FiscalPeriods($year: Int!) {
    fiscalPeriods(year: $year) {
      year
      month
      startDate
      endDate
      status
      closedAt
      reopenedAt
      reopenReason
    }
    postingWindow {
      lockDate
      earliestDate
      horizon
    }
  }
`);

export const BooksCheckQuery = graphql(`
  query BooksCheck {
    booksCheck {
      ok
      checkedAt
      inventoryAccountBalance
      stockValue
      inventoryDifference
      violations {
        rule
        message
        rows {
          table
          key
          detail
        }
      }
    }
  }
`);

/** An account's figures per value of a dimension (辅助核算余额表). */
export const AuxiliaryBalancesQuery = graphql(`
  query AuxiliaryBalances($accountCode: String!, $dimension: Dimension!, $from: Date!, $to: Date!) {
    auxiliaryBalances(accountCode: $accountCode, dimension: $dimension, from: $from, to: $to) {
      account {
        code
        name
        nameEn
        direction
      }
      dimension
      from
      to
      opening
      debit
      credit
      closing
      rows {
        valueId
        code
        name
        opening
        debit
        credit
        closing
        direction
        openingSide
        closingSide
      }
    }
  }
`);

/** One dimension value's lines on an account with the running balance. */
export const AuxiliaryLedgerQuery = graphql(`
  query AuxiliaryLedger($accountCode: String!, $dimension: Dimension!, $valueId: ID, $value: String, $from: Date!, $to: Date!, $first: Int, $after: String) {
    auxiliaryLedger(accountCode: $accountCode, dimension: $dimension, valueId: $valueId, value: $value, from: $from, to: $to) {
      code
      name
      opening
      closing
      lines(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          date
          entryId
          voucherNo
          source {
            type
            id
            number
          }
          description
          debit
          credit
          balance
        }
      }
    }
  }
`);

/** A voucher (记账凭证) as it is printed: the entry, its people, and the document behind it. */
export const VoucherFieldsFragment = graphql(`
  fragment VoucherFields on JournalEntry {
    ...JournalEntryFields
    attachments
    createdBy {
      id
      displayName
      username
    }
    reviewedAt
    reviewedBy {
      id
      displayName
      username
    }
    source {
      document {
        __typename
        ... on GoodsReceipt {
          id
          number
          receiptDate
          warehouse {
            name
          }
          purchaseOrder {
            number
            supplier {
              code
              name
            }
          }
          lines {
            lineNo
            product {
              sku
              name
            }
            acceptedQuantity
            value
          }
        }
        ... on SupplierInvoice {
          id
          number
          supplierInvoiceNumber
          invoiceDate
          totalAmount
          supplier {
            code
            name
          }
        }
        ... on SupplierPayment {
          id
          number
          paymentDate
          amount
          supplier {
            code
            name
          }
        }
        ... on LandedCost {
          id
          number
          postingDate
          amount
          description
        }
        ... on OperatingCost {
          id
          number
          postingDate
          amount
          description
        }
        ... on Shipment {
          id
          number
          shippedOn: postingDate
          customer {
            code
            name
          }
        }
        ... on SalesInvoice {
          id
          number
          postingDate
          totalAmount
          customer {
            code
            name
          }
        }
        ... on CustomerPayment {
          id
          number
          postingDate
          amount
          customer {
            code
            name
          }
        }
        ... on SalesReturn {
          id
          number
          postingDate
          totalAmount
          customer {
            code
            name
          }
        }
        ... on CustomerRefund {
          id
          number
          postingDate
          amount
          customer {
            code
            name
          }
        }
        ... on StockDocument {
          id
          kind
          postingDate
          description
        }
        ... on JournalEntry {
          id
          voucherNo
          postingDate
          description
        }
      }
    }
  }
`);

/** Vouchers by their node ids (JournalEntry:<id>), one or many to print. */
export const VouchersQuery = graphql(`
  query Vouchers($nodeIds: [NodeID!]!) {
    nodes(nodeIds: $nodeIds) {
      ... on JournalEntry {
        ...VoucherFields
      }
    }
  }
`);

/** One voucher by its number (记-2026-11-0001): how links to a voucher open it. */
export const VoucherByNumberQuery = graphql(`
  query VoucherByNumber($voucherNo: String!) {
    journalEntry(voucherNo: $voucherNo) {
      ...VoucherFields
    }
  }
`);

/** The Golden Tax fields an invoice carries (as entered or imported). */
export const VatInvoiceInfoFieldsFragment = graphql(`
  fragment VatInvoiceInfoFields on VatInvoiceInfo {
    invoiceCode
    invoiceNumber
    kind
    buyerTaxId
    issueDate
    deductible
  }
`);

/** One month's (or the range's) figures at one VAT rate. */
export const VatRateFiguresFieldsFragment = graphql(`
  fragment VatRateFiguresFields on VatRateFigures {
    rate
    outputNet
    outputVat
    inputNet
    inputVat
    nonDeductibleVat
  }
`);

/** The VAT report of a range of months: per month and rate, the return's lines, the reconciliation with the VAT accounts. */
export const VatReportQuery = graphql(`
  query VatReport($year: Int!, $fromMonth: Int!, $toMonth: Int!) {
    vatReport(year: $year, fromMonth: $fromMonth, toMonth: $toMonth) {
      year
      fromMonth
      toMonth
      reconciled
      rates {
        ...VatRateFiguresFields
      }
      months {
        year
        month
        reconciled
        ledgerOutputVat
        ledgerInputVat
        rates {
          ...VatRateFiguresFields
        }
        return {
          line1
          line11
          line12
          line13
          line14
          line17
          line18
          line19
          line20
        }
      }
    }
  }
`);

/** The range's sales and supplier invoices with their Golden Tax fields. */
export const VatInvoicesQuery = graphql(`
  query VatInvoices($from: Date!, $to: Date!, $afterSales: String, $afterSupplier: String) {
    salesInvoices(first: 200, after: $afterSales, filter: { dateFrom: $from, dateTo: $to }) {
      totalCount
      nodes {
        id
        number
        postingDate
        netAmount
        vatAmount
        customer {
          code
          name
        }
        vatInvoice {
          ...VatInvoiceInfoFields
        }
      }
    }
    supplierInvoices(first: 200, after: $afterSupplier, filter: { dateFrom: $from, dateTo: $to }) {
      totalCount
      nodes {
        id
        number
        supplierInvoiceNumber
        invoiceDate
        netAmount
        taxAmount
        supplier {
          code
          name
        }
        vatInvoice {
          ...VatInvoiceInfoFields
        }
      }
    }
  }
`);
