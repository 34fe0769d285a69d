import { graphql } from '../../gql';

/** The detail pages of purchasing documents, each opened by its business number. */
export const GoodsReceiptDocumentQuery = graphql(`
  query GoodsReceiptDocument($number: String!, $withJournal: Boolean = false, $withInvoices: Boolean = false) {
    goodsReceipt(number: $number) {
      id
      number
      receiptDate
      notes
      createdAt
      warehouse {
        ...WarehouseRefFields
      }
      purchaseOrder {
        id
        number
        status
        supplier {
          ...SupplierRefFields
        }
        supplierInvoices @include(if: $withInvoices) {
          id
          number
          invoiceDate
          status
          totalAmount
        }
      }
      journalEntryId
      journalEntry @include(if: $withJournal) {
        ...JournalEntryFields
      }
      landedCosts @include(if: $withJournal) {
        id
        number
        kind
        postingDate
        amount
      }
      lines {
        lineNo
        product {
          ...ProductRefFields
        }
        location {
          id
          code
        }
        inspectedQuantity
        acceptedQuantity
        rejectedQuantity
        rejectionReason
        unitPrice
        value
      }
    }
  }
`);

export const SupplierInvoiceDocumentQuery = graphql(`
  query SupplierInvoiceDocument($number: String!, $withPayables: Boolean = false) {
    supplierInvoice(number: $number) {
      ...SupplierInvoiceFields
      createdAt
      purchaseOrder {
        id
        number
        status
      }
      payments @include(if: $withPayables) {
        id
        number
        paymentDate
        amount
        reference
      }
      journalEntry @include(if: $withPayables) {
        ...JournalEntryFields
      }
    }
  }
`);

export const SupplierPaymentDocumentQuery = graphql(`
  query SupplierPaymentDocument($number: String!) {
    supplierPayment(number: $number) {
      id
      number
      supplier {
        ...SupplierRefFields
      }
      paymentDate
      amount
      reference
      createdAt
      journalEntry {
        ...JournalEntryFields
      }
      allocations {
        invoice {
          id
          number
          supplierInvoiceNumber
          invoiceDate
          totalAmount
          purchaseOrder {
            id
            number
          }
        }
        amount
      }
    }
  }
`);

export const LandedCostDocumentQuery = graphql(`
  query LandedCostDocument($number: String!) {
    landedCost(number: $number) {
      id
      number
      kind
      basis
      postingDate
      amount
      description
      createdAt
      supplierInvoice {
        id
        number
      }
      journalEntry {
        ...JournalEntryFields
      }
      allocations {
        receiptId
        receiptNumber
        lineNo
        product {
          ...ProductRefFields
        }
        warehouse {
          ...WarehouseRefFields
        }
        amount
        onHandAmount
        soldAmount
      }
    }
  }
`);

export const OperatingCostDocumentQuery = graphql(`
  query OperatingCostDocument($number: String!) {
    operatingCost(number: $number) {
      id
      number
      category
      postingDate
      costCentre
      accountCode
      amount
      payFrom
      description
      status
      cancelledOn
      cancellationReason
      createdAt
      supplier {
        ...SupplierRefFields
      }
      supplierInvoice {
        id
        number
      }
      journalEntry {
        ...JournalEntryFields
      }
    }
  }
`);

export const GoodsReceiptsQuery = graphql(`
  query GoodsReceipts($first: Int, $after: String, $filter: GoodsReceiptFilter, $orderBy: GoodsReceiptOrder) {
    goodsReceipts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        number
        receiptDate
        notes
        warehouse {
          ...WarehouseRefFields
        }
        purchaseOrder {
          id
          number
          supplier {
            ...SupplierRefFields
          }
        }
        lines {
          lineNo
          acceptedQuantity
          rejectedQuantity
          value
        }
      }
    }
  }
`);
