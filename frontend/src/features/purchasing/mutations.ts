import { graphql } from '../../gql';

export const CreatePurchaseOrdersFromSuggestionsMutation = graphql(`
  mutation CreatePurchaseOrdersFromSuggestions($input: CreatePurchaseOrdersFromSuggestionsInput!) {
    createPurchaseOrdersFromSuggestions(input: $input) {
      purchaseOrders {
        ...PurchaseOrderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreatePurchaseOrderMutation = graphql(`
  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {
    createPurchaseOrder(input: $input) {
      purchaseOrder {
        ...PurchaseOrderFields
      }
      warnings
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SubmitPurchaseOrderMutation = graphql(`
  mutation SubmitPurchaseOrder($id: ID!) {
    submitPurchaseOrder(id: $id) {
      purchaseOrder {
        ...PurchaseOrderFields
      }
      warnings
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ApprovePurchaseOrderMutation = graphql(`
  mutation ApprovePurchaseOrder($id: ID!) {
    approvePurchaseOrder(id: $id) {
      purchaseOrder {
        ...PurchaseOrderFields
      }
      warnings
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CancelPurchaseOrderMutation = graphql(`
  mutation CancelPurchaseOrder($id: ID!) {
    cancelPurchaseOrder(id: $id) {
      purchaseOrder {
        ...PurchaseOrderFields
      }
      warnings
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ClosePurchaseOrderMutation = graphql(`
  mutation ClosePurchaseOrder($id: ID!) {
    closePurchaseOrder(id: $id) {
      purchaseOrder {
        ...PurchaseOrderFields
      }
      warnings
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PostGoodsReceiptMutation = graphql(`
  mutation PostGoodsReceipt($input: GoodsReceiptInput!) {
    postGoodsReceipt(input: $input) {
      goodsReceipt {
        id
        number
        journalEntryId
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PostSupplierInvoiceMutation = graphql(`
  mutation PostSupplierInvoice($input: SupplierInvoiceInput!) {
    postSupplierInvoice(input: $input) {
      supplierInvoice {
        ...SupplierInvoiceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ApproveSupplierInvoiceMismatchMutation = graphql(`
  mutation ApproveSupplierInvoiceMismatch($id: ID!) {
    approveSupplierInvoiceMismatch(id: $id) {
      supplierInvoice {
        ...SupplierInvoiceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PostSupplierPaymentMutation = graphql(`
  mutation PostSupplierPayment($input: SupplierPaymentInput!) {
    postSupplierPayment(input: $input) {
      supplierPayment {
        id
        number
        amount
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PostLandedCostMutation = graphql(`
  mutation PostLandedCost($input: LandedCostInput!) {
    postLandedCost(input: $input) {
      landedCost {
        id
        number
        kind
        basis
        postingDate
        amount
        description
        journalEntryId
        supplierInvoiceId
        allocations {
          receiptId
          lineNo
          product {
            id
            sku
            name
            nameEn
          }
          amount
          onHandAmount
          soldAmount
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
