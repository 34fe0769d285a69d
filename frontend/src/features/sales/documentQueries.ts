import { graphql } from '../../gql';

// The sales documents' detail pages, each read by its business number
// (whatever a list's filter), with the documents related to it. Money is
// CUSTOMER_MONEY and costs MARGINS_AND_COSTS: pages that roles without them
// open (the warehouse) ask for them only with $withMoney / $withCost.

export const SalesOrderByNumberQuery = graphql(`
  query SalesOrderByNumber($number: String!, $withMoney: Boolean = true) {
    salesOrder(number: $number) {
      id
      number
      status
      shipments {
        id
        number
        status
        postingDate
        invoice {
          id
          number
          postingDate
          status
          totalAmount @include(if: $withMoney)
          allocations @include(if: $withMoney) {
            id
            amount
            postingDate
            payment {
              id
              number
            }
            return {
              id
              number
            }
          }
        }
        returns {
          id
          number
          postingDate
        }
      }
    }
  }
`);

export const ShipmentByNumberQuery = graphql(`
  query ShipmentByNumber($number: String!, $withCost: Boolean = false) {
    shipment(number: $number) {
      ...ShipmentFields
      invoice {
        id
        number
        postingDate
        status
      }
      returns {
        id
        number
        postingDate
        reason
      }
    }
  }
`);

export const SalesInvoiceByNumberQuery = graphql(`
  query SalesInvoiceByNumber($number: String!) {
    salesInvoice(number: $number) {
      ...SalesInvoiceFields
      lines {
        id
        lineNo
        product {
          ...ProductRefFields
        }
        quantity
        unitPrice
        discountRate
        vatRate
        netAmount
        vatAmount
      }
      shipments {
        id
        number
        postingDate
        status
        order {
          id
          number
        }
      }
      allocations {
        id
        amount
        postingDate
        payment {
          id
          number
        }
        return {
          id
          number
        }
      }
      returns {
        id
        number
        postingDate
        totalAmount
        refunds {
          id
          number
          amount
        }
      }
    }
  }
`);

export const CustomerPaymentByNumberQuery = graphql(`
  query CustomerPaymentByNumber($number: String!) {
    customerPayment(number: $number) {
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
      createdAt
      allocations {
        id
        invoiceId
        invoiceNumber
        amount
        postingDate
        invoice {
          id
          number
          status
          shipments {
            id
            number
            order {
              id
              number
            }
          }
        }
      }
      refunds {
        id
        number
        postingDate
        amount
      }
    }
  }
`);

export const SalesReturnByNumberQuery = graphql(`
  query SalesReturnByNumber($number: String!, $withMoney: Boolean = true, $withCost: Boolean = false) {
    salesReturn(number: $number) {
      id
      number
      customer {
        ...CustomerRefFields
      }
      postingDate
      reason
      netAmount @include(if: $withMoney)
      vatAmount @include(if: $withMoney)
      totalAmount @include(if: $withMoney)
      costValue @include(if: $withCost)
      appliedAmount @include(if: $withMoney)
      refundedAmount @include(if: $withMoney)
      openCredit @include(if: $withMoney)
      createdAt
      shipment {
        id
        number
        order {
          id
          number
        }
      }
      invoice {
        id
        number
      }
      lines {
        id
        lineNo
        product {
          ...ProductRefFields
        }
        warehouse {
          ...WarehouseRefFields
        }
        quantity
        netAmount @include(if: $withMoney)
        vatAmount @include(if: $withMoney)
        costValue @include(if: $withCost)
      }
      refunds @include(if: $withMoney) {
        id
        number
        postingDate
        amount
      }
    }
  }
`);

export const CustomerRefundByNumberQuery = graphql(`
  query CustomerRefundByNumber($number: String!) {
    customerRefund(number: $number) {
      id
      number
      customer {
        ...CustomerRefFields
      }
      postingDate
      amount
      bankAccount
      createdAt
      return {
        id
        number
        invoice {
          id
          number
        }
      }
      payment {
        id
        number
      }
    }
  }
`);

/** The journal entries a document posted (a payment's credit applications post under their own source type). */
export const DocumentJournalQuery = graphql(`
  query DocumentJournal($filter: JournalEntryFilter) {
    journalEntries(first: 20, filter: $filter) {
      nodes {
        id
        voucherNo
        postingDate
        description
        reversedByVoucherNo
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
        }
      }
    }
  }
`);
