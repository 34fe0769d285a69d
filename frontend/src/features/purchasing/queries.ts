import { graphql } from '../../gql';

export const SupplierFieldsFragment = graphql(`
  fragment SupplierFields on Supplier {
    id
    code
    name
    paymentTermsDays
    currency
    leadTimeDays
    active
    taxId
    bankName
    bankAccount
    address
    notes
    createdAt
    contacts {
      name
      role
      phone
      email
    }
  }
`);

export const SuppliersQuery = graphql(`
  query Suppliers($first: Int, $after: String, $filter: SupplierFilter, $orderBy: SupplierOrder) {
    suppliers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...SupplierFields
      }
    }
  }
`);

export const SupplierOptionsQuery = graphql(`
  query SupplierOptions {
    suppliers(first: 200) {
      nodes {
        id
        code
        name
        active
      }
    }
  }
`);

export const SupplierDetailQuery = graphql(`
  query SupplierDetail($id: ID!, $since: Date) {
    supplier(id: $id) {
      ...SupplierFields
      products {
        product {
          ...ProductRefFields
        }
        supplierSku
        lastPrice
        lastPriceDate
        leadTimeDays
        minOrderQty
        active
      }
      scorecard(since: $since) {
        since
        receipts
        onTimeReceipts
        onTimeRate
        averageLeadTimeDays
        leadTimeSpreadDays
        inspectedQuantity
        rejectedQuantity
        rejectionRate
        qualityReturns
        returnedQuantity
        returnRate
        returnValueRate
        score
        priceTrends {
          product {
            id
            sku
            name
            nameEn
          }
          points
          firstPrice
          lastPrice
          minPrice
          maxPrice
          changePercent
        }
      }
    }
  }
`);

export const PurchaseSuggestionsQuery = graphql(`
  query PurchaseSuggestions($warehouseId: ID) {
    purchaseSuggestions(warehouseId: $warehouseId) {
      product {
        ...ProductRefFields
      }
      warehouse {
        ...WarehouseRefFields
      }
      available
      onOrder
      replenishmentNeed
      reorderPoint
      shortage
      quantity
      supplier {
        ...SupplierRefFields
      }
      unitPrice
      expectedDate
      reason
    }
  }
`);

export const PurchaseOrderFieldsFragment = graphql(`
  fragment PurchaseOrderFields on PurchaseOrder {
    id
    number
    supplier {
      ...SupplierRefFields
    }
    warehouse {
      ...WarehouseRefFields
    }
    status
    orderDate
    expectedDate
    costCentre
    notes
    budgetWarnings @include(if: $withBudgets)
    netAmount
    taxAmount
    totalAmount
    createdAt
  }
`);

export const PurchaseOrderLineFieldsFragment = graphql(`
  fragment PurchaseOrderLineFields on PurchaseOrderLine {
    id
    lineNo
    product {
      id
      sku
      name
      nameEn
      unit
      barcodes  units {
        code
        barcode
        factor
      }
    }
    quantity
    unit
    unitFactor
    stockQuantity
    unitPrice
    vatRate
    netAmount
    receivedQuantity
    rejectedQuantity
    invoicedQuantity
    openQuantity
    receivedValue
    grniBalance
  }
`);

export const PurchaseOrdersQuery = graphql(`
  query PurchaseOrders($first: Int, $after: String, $filter: PurchaseOrderFilter, $orderBy: PurchaseOrderOrder, $withBudgets: Boolean = false) {
    purchaseOrders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...PurchaseOrderFields
      }
    }
  }
`);

export const PurchaseOrderQuery = graphql(`
  query PurchaseOrder($id: ID, $number: String, $withBudgets: Boolean = false, $withInvoices: Boolean = false, $withTracking: Boolean = false) {
    purchaseOrder(id: $id, number: $number) {
      supplierInvoices @include(if: $withInvoices) {
        id
        number
        supplierInvoiceNumber
        invoiceDate
        status
        totalAmount
      }
      ...PurchaseOrderFields
      submittedAt
      approvedAt
      closedAt
      lines {
        ...PurchaseOrderLineFields
        product {
          id
          tracking @include(if: $withTracking) {
            productId
            batchTracked
            expiryTracked
            shelfLifeDays
          }
        }
      }
      receipts {
        id
        number
        receiptDate
        journalEntryId
        lines {
          lineNo
          product {
            id
            sku
          }
          acceptedQuantity
          rejectedQuantity
          rejectionReason
          value
        }
      }
    }
  }
`);

export const PurchaseOrderLineByBarcodeQuery = graphql(`
  query PurchaseOrderLineByBarcode($purchaseOrderId: ID!, $barcode: String!) {
    purchaseOrderLineByBarcode(purchaseOrderId: $purchaseOrderId, barcode: $barcode) {
      ...PurchaseOrderLineFields
    }
  }
`);

export const SupplierInvoiceFieldsFragment = graphql(`
  fragment SupplierInvoiceFields on SupplierInvoice {
    id
    number
    supplierInvoiceNumber
    supplier {
      ...SupplierRefFields
    }
    kind
    purchaseOrderId
    invoiceDate
    dueDate
    status
    netAmount
    taxAmount
    totalAmount
    paidAmount @include(if: $withPayables)
    openAmount @include(if: $withPayables)
    matchIssues {
      lineNo
      kind
      message
    }
    mismatchApprovedAt
    journalEntryId
    lines {
      lineNo
      purchaseOrderLineId
      product {
        id
        sku
        name
        nameEn
      }
      quantity
      unitPrice
      orderPrice
      netAmount
      taxAmount
      priceVariance
    }
    vatInvoice {
      ...VatInvoiceInfoFields
    }
  }
`);

export const SupplierInvoicesQuery = graphql(`
  query SupplierInvoices($first: Int, $after: String, $filter: SupplierInvoiceFilter, $withPayables: Boolean = false) {
    supplierInvoices(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...SupplierInvoiceFields
      }
    }
  }
`);

export const SupplierPaymentsQuery = graphql(`
  query SupplierPayments($first: Int, $after: String, $supplierId: ID) {
    supplierPayments(first: $first, after: $after, supplierId: $supplierId) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        number
        supplier {
          ...SupplierRefFields
        }
        paymentDate
        amount
        reference
        journalEntryId
        allocations {
          invoice {
            id
            number
            supplierInvoiceNumber
          }
          amount
        }
      }
    }
  }
`);

export const PayablesAgingQuery = graphql(`
  query PayablesAging($asOf: Date!) {
    payablesAging(asOf: $asOf) {
      asOf
      rows {
        supplier {
          ...SupplierRefFields
        }
        buckets {
          ...AgingBucketsFields
        }
      }
      total {
        ...AgingBucketsFields
      }
    }
  }
`);

/** A supplier as a document or a list row names it. */
export const SupplierRefFieldsFragment = graphql(`
  fragment SupplierRefFields on Supplier {
    id
    code
    name
  }
`);
