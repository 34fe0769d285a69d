import { graphql } from '../../gql';

/**
 * A supplier return as the screens read it. Money is asked only of those who
 * may read it: $money (SUPPLIER_MONEY: GRNI, debit note), $costs
 * (MARGINS_AND_COSTS: stock value, variance) and $ledger (the voucher).
 */
export const SupplierReturnFieldsFragment = graphql(`
  fragment SupplierReturnFields on SupplierReturn {
    id
    number
    status
    supplierCode
    supplierName
    receiptNumber
    reason
    postingDate
    createdAt
    stockValue @include(if: $costs)
    grniAmount @include(if: $money)
    netAmount @include(if: $money)
    vatAmount @include(if: $money)
    totalAmount @include(if: $money)
    variance @include(if: $costs)
    appliedAmount @include(if: $money)
    refundedAmount @include(if: $money)
    openCredit @include(if: $money)
    journalEntry @include(if: $ledger) {
      id
      voucherNo
    }
    lines {
      lineNo
      receiptLineNo
      sku
      productName
      quantity
      unit
      unitFactor
      stockQuantity
      unitPrice @include(if: $money)
      grniQty
      invoicedQty
      invoicePrice @include(if: $money)
      stockValue @include(if: $costs)
      grniAmount @include(if: $money)
      netAmount @include(if: $money)
      vatAmount @include(if: $money)
    }
  }
`);

export const SupplierReturnsQuery = graphql(`
  query SupplierReturns($first: Int, $after: String, $filter: SupplierReturnFilter, $orderBy: SupplierReturnOrder, $money: Boolean = false, $costs: Boolean = false, $ledger: Boolean = false) {
    supplierReturns(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SupplierReturnFields
      }
    }
  }
`);

export const SupplierReturnQuery = graphql(`
  query SupplierReturn($number: String!, $money: Boolean = false, $costs: Boolean = false, $ledger: Boolean = false) {
    supplierReturn(number: $number) {
      ...SupplierReturnFields
    }
  }
`);

export const ReturnReceiptQuery = graphql(`
  query ReturnReceipt($number: String!) {
    goodsReceipt(number: $number) {
      id
      number
      lines {
        lineNo
        acceptedQuantity
        unitPrice
        purchaseOrderLine {
          id
          unit
          unitFactor
        }
        product {
          id
          sku
          name
          unit
        }
      }
    }
  }
`);


export const CreateSupplierReturnMutation = graphql(`
  mutation CreateSupplierReturn($input: SupplierReturnInput!, $money: Boolean = false, $costs: Boolean = false, $ledger: Boolean = false) {
    createSupplierReturn(input: $input) {
      supplierReturn {
        ...SupplierReturnFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const PostSupplierReturnMutation = graphql(`
  mutation PostSupplierReturn($number: String!, $money: Boolean = false, $costs: Boolean = false, $ledger: Boolean = false) {
    postSupplierReturn(number: $number) {
      supplierReturn {
        ...SupplierReturnFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const CancelSupplierReturnMutation = graphql(`
  mutation CancelSupplierReturn($number: String!, $money: Boolean = false, $costs: Boolean = false, $ledger: Boolean = false) {
    cancelSupplierReturn(number: $number) {
      supplierReturn {
        ...SupplierReturnFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ApplyDebitNoteMutation = graphql(`
  mutation ApplyDebitNote($number: String!, $invoiceNumber: String!, $money: Boolean = false, $costs: Boolean = false, $ledger: Boolean = false) {
    applyDebitNote(number: $number, invoiceNumber: $invoiceNumber) {
      supplierReturn {
        ...SupplierReturnFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const RefundDebitNoteMutation = graphql(`
  mutation RefundDebitNote($number: String!, $amount: Decimal!, $money: Boolean = false, $costs: Boolean = false, $ledger: Boolean = false) {
    refundDebitNote(number: $number, amount: $amount) {
      supplierReturn {
        ...SupplierReturnFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
