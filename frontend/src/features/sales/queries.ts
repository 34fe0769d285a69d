import { graphql } from '../../gql';

export const CustomerFieldsFragment = graphql(`
  fragment CustomerFields on Customer {
    id
    code
    name
    taxId
    region
    salesperson
    channel
    creditLimit
    paymentTermsDays
    active
    openBalance
    overdueAmount
    creditAvailable
    onCreditHold
    createdAt
    defaultAddress {
      label
      address
    }
  }
`);

export const CustomersQuery = graphql(`
  query Customers($first: Int, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...CustomerFields
      }
    }
  }
`);

/** Every customer's code and name for pickers (a company has hundreds, not millions). */
export const CustomerOptionsQuery = graphql(`
  query CustomerOptions {
    customers(first: 200) {
      nodes {
        id
        code
        name
        active
        region
        channel
      }
    }
  }
`);

export const CustomerDetailQuery = graphql(`
  query CustomerDetail($id: ID!) {
    customer(id: $id) {
      ...CustomerFields
      unappliedCredit
      contacts {
        name
        title
        phone
        email
      }
      addresses {
        label
        address
        region
        contact
        phone
        isDefault
      }
      invoicing {
        title
        taxId
        addressPhone
        bankAccount
      }
      bankName
      bankAccount
      preferences
      notes
      createdAt
      orders(first: 20) {
        totalCount
        nodes {
          id
          number
          postingDate
          status
          totalAmount
        }
      }
      shipments(first: 20) {
        totalCount
        nodes {
          id
          number
          status
          postingDate
          carrier
          trackingNumber
          rating
        }
      }
      invoices(first: 20) {
        totalCount
        nodes {
          id
          number
          postingDate
          dueDate
          totalAmount
          openAmount
          status
        }
      }
      payments(first: 20) {
        totalCount
        nodes {
          id
          number
          postingDate
          amount
          unapplied
          reference
        }
      }
      returns(first: 20) {
        totalCount
        nodes {
          id
          number
          postingDate
          reason
          totalAmount
          openCredit
        }
      }
      topProducts(limit: 5) {
        product {
          id
          sku
          name
          nameEn
        }
        quantity
        netAmount
      }
      satisfaction {
        rated
        satisfied
        satisfiedShare
        average
      }
    }
  }
`);

export const SalesOrderFieldsFragment = graphql(`
  fragment SalesOrderFields on SalesOrder {
    id
    number
    customer {
      ...CustomerRefFields
    }
    channel
    region
    warehouse {
      ...WarehouseRefFields
    }
    warehouseOverride
    postingDate
    promisedDate
    status
    holdReason
    notes
    netAmount
    vatAmount
    totalAmount
    createdAt
  }
`);

export const SalesOrdersQuery = graphql(`
  query SalesOrders($first: Int, $after: String, $filter: SalesOrderFilter, $orderBy: SalesOrderOrder) {
    salesOrders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...SalesOrderFields
      }
    }
  }
`);

export const SalesOrderQuery = graphql(`
  query SalesOrder($id: ID!) {
    salesOrder(id: $id) {
      ...SalesOrderFields
      lines {
        id
        lineNo
        product {
          ...ProductRefFields
        }
        quantity
        unit
        unitFactor
        stockQuantity
        unitPrice
        discountRate
        vatRate
        netAmount
        vatAmount
        reserved
        shipped
        returned
        outstanding
      }
      shipments {
        id
        number
        status
        postingDate
        carrier
        trackingNumber
      }
    }
  }
`);

export const ValidateSalesOrderQuery = graphql(`
  query ValidateSalesOrder($input: SalesOrderInput!) {
    validateSalesOrder(input: $input) {
      ok
      violations {
        code
        field
        message
      }
      warehouseId
      netAmount
      vatAmount
      totalAmount
      holdReason
      shortages {
        lineNo
        productId
        requested
        available
        missing
      }
    }
  }
`);

/** A product as an order line needs it: the sell price and VAT rate become the line's defaults. */
export const SalesProductFieldsFragment = graphql(`
  fragment SalesProductFields on Product {
    id
    sku
    name
    nameEn
    unit
    sellPrice
    vatRate
    active
    barcodes
  }
`);

/** A product by its id, as an order line needs it. */
export const SalesProductQuery = graphql(`
  query SalesProduct($id: ID!) {
    product(id: $id) {
      ...SalesProductFields
    }
  }
`);

/** A product by a scanned barcode, as an order line needs it. */
export const SalesProductByBarcodeQuery = graphql(`
  query SalesProductByBarcode($barcode: String!) {
    productByBarcode(barcode: $barcode) {
      ...SalesProductFields
    }
  }
`);

export const ReplenishmentNeedsQuery = graphql(`
  query ReplenishmentNeeds($first: Int, $after: String, $filter: ReplenishmentNeedFilter) {
    replenishmentNeeds(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        product {
          ...ProductRefFields
        }
        warehouse {
          ...WarehouseRefFields
        }
        quantity
        salesOrderId
        orderNumber
        status
        createdAt
        coveredAt
      }
    }
  }
`);

export const ShipmentFieldsFragment = graphql(`
  fragment ShipmentFields on Shipment {
    id
    number
    order {
      id
      number
    }
    customer {
      ...CustomerRefFields
    }
    warehouse {
      ...WarehouseRefFields
    }
    status
    postingDate
    carrier
    trackingNumber
    invoiceId
    shippedAt
    deliveredAt
    deliveredOn
    rating
    ratingComment
    createdAt
    lines {
      id
      lineNo
      orderLineId
      product {
        id
        sku
        name
        nameEn
        unit
        barcodes
      }
      quantity
      unit
      unitFactor
      costValue @include(if: $withCost)
      returnedQuantity
    }
  }
`);

export const ShipmentsQuery = graphql(`
  query Shipments($first: Int, $after: String, $filter: ShipmentFilter, $orderBy: ShipmentOrder, $withCost: Boolean = false) {
    shipments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...ShipmentFields
      }
    }
  }
`);

export const SalesInvoiceFieldsFragment = graphql(`
  fragment SalesInvoiceFields on SalesInvoice {
    id
    number
    customer {
      ...CustomerRefFields
    }
    postingDate
    dueDate
    netAmount
    vatAmount
    totalAmount
    paidAmount
    creditedAmount
    openAmount
    status
    createdAt
    vatInvoice {
      ...VatInvoiceInfoFields
    }
  }
`);

export const SalesInvoicesQuery = graphql(`
  query SalesInvoices($first: Int, $after: String, $filter: SalesInvoiceFilter, $orderBy: SalesInvoiceOrder) {
    salesInvoices(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...SalesInvoiceFields
      }
    }
  }
`);

/** Invoices of a day (or range) for the dashboard's sales tile: only the amounts. */
export const InvoicedTotalsQuery = graphql(`
  query InvoicedTotals($after: String, $filter: SalesInvoiceFilter) {
    salesInvoices(first: 200, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        netAmount
        totalAmount
      }
    }
  }
`);

export const CustomerPaymentsQuery = graphql(`
  query CustomerPayments($first: Int, $after: String, $filter: SalesDocumentFilter, $orderBy: CustomerPaymentOrder) {
    customerPayments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        number
        customer {
          ...CustomerRefFields
        }
        postingDate
        amount
        bankAccount
        reference
        appliedAmount
        refundedAmount
        unapplied
        allocations {
          id
          invoiceId
          invoiceNumber
          amount
          postingDate
        }
      }
    }
  }
`);

export const SalesReturnsQuery = graphql(`
  query SalesReturns($first: Int, $after: String, $filter: SalesDocumentFilter, $orderBy: SalesReturnOrder, $withMoney: Boolean = true) {
    salesReturns(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        number
        customer {
          ...CustomerRefFields
        }
        shipmentId
        invoiceId
        shipment {
          id
          number
        }
        invoice {
          id
          number
        }
        postingDate
        reason
        netAmount @include(if: $withMoney)
        vatAmount @include(if: $withMoney)
        totalAmount @include(if: $withMoney)
        appliedAmount @include(if: $withMoney)
        refundedAmount @include(if: $withMoney)
        openCredit @include(if: $withMoney)
        lines {
          id
          product {
            id
            sku
            name
            nameEn
          }
          quantity
        }
      }
    }
  }
`);

export const ReceivablesAgingQuery = graphql(`
  query ReceivablesAging($asOf: Date, $customerId: ID) {
    receivablesAging(asOf: $asOf, customerId: $customerId) {
      asOf
      customers {
        customer {
          ...CustomerRefFields
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

/** Every customer's balances: the dashboard's starting point for live receivables. */
export const CustomerBalancesQuery = graphql(`
  query CustomerBalances($first: Int, $after: String) {
    customers(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        code
        name
        openBalance
        overdueAmount
        creditAvailable
        onCreditHold
      }
    }
  }
`);

export const ReceivableChangedSubscription = graphql(`
  subscription ReceivableChanged($filter: ReceivableFilter, $after: String) {
    receivableChanged(filter: $filter, after: $after) {
      seq
      resync
      customer {
        ...CustomerRefFields
      }
      openBalance
      overdueAmount
      creditAvailable
      onCreditHold
    }
  }
`);

/** A customer as a document or a list row names it. */
export const CustomerRefFieldsFragment = graphql(`
  fragment CustomerRefFields on Customer {
    id
    code
    name
  }
`);
