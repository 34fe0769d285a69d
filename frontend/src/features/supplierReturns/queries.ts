import { graphql } from '../../gql';

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
    stockValue
    grniAmount
    netAmount
    vatAmount
    totalAmount
    variance
    appliedAmount
    refundedAmount
    openCredit
    journalEntry {
      id
      voucherNo
    }
    lines {
      lineNo
      receiptLineNo
      sku
      productName
      quantity
      unitPrice
      grniQty
      invoicedQty
      invoicePrice
      stockValue
      grniAmount
      netAmount
      vatAmount
    }
  }
`);

export const SupplierReturnsQuery = graphql(`
  query SupplierReturns($first: Int, $after: String, $filter: SupplierReturnFilter, $orderBy: SupplierReturnOrder) {
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
  query SupplierReturn($number: String!) {
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
        product {
          id
          sku
          name
        }
      }
    }
  }
`);


export const CreateSupplierReturnMutation = graphql(`
  mutation CreateSupplierReturn($input: SupplierReturnInput!) {
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
  mutation PostSupplierReturn($number: String!) {
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
  mutation CancelSupplierReturn($number: String!) {
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
  mutation ApplyDebitNote($number: String!, $invoiceNumber: String!) {
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
  mutation RefundDebitNote($number: String!, $amount: Decimal!) {
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
