import { graphql } from '../../gql';

/** The mutations' callers (purchasing, managers; finance for invoices) read budgets and payables: $withBudgets and $withPayables default to true there. */
/** What createPurchaseOrder, submitPurchaseOrder, approvePurchaseOrder, cancelPurchaseOrder and closePurchaseOrder read back of the PurchaseOrderPayload. */
export const PurchaseOrderPayloadFieldsFragment = graphql(`
  fragment PurchaseOrderPayloadFields on PurchaseOrderPayload {
    purchaseOrder {
      ...PurchaseOrderFields
    }
    warnings
    userErrors {
      ...UserErrorFields
    }
  }
`);

/** What postSupplierInvoice and approveSupplierInvoiceMismatch read back of the SupplierInvoicePayload. */
export const SupplierInvoicePayloadFieldsFragment = graphql(`
  fragment SupplierInvoicePayloadFields on SupplierInvoicePayload {
    supplierInvoice {
      ...SupplierInvoiceFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const CreatePurchaseOrdersFromSuggestionsMutation = graphql(`
  mutation CreatePurchaseOrdersFromSuggestions($input: CreatePurchaseOrdersFromSuggestionsInput!, $withBudgets: Boolean = true) {
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
  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!, $withBudgets: Boolean = true) {
    createPurchaseOrder(input: $input) {
      ...PurchaseOrderPayloadFields
    }
  }
`);

export const SubmitPurchaseOrderMutation = graphql(`
  mutation SubmitPurchaseOrder($id: ID!, $withBudgets: Boolean = true) {
    submitPurchaseOrder(id: $id) {
      ...PurchaseOrderPayloadFields
    }
  }
`);

export const ApprovePurchaseOrderMutation = graphql(`
  mutation ApprovePurchaseOrder($id: ID!, $withBudgets: Boolean = true) {
    approvePurchaseOrder(id: $id) {
      ...PurchaseOrderPayloadFields
    }
  }
`);

export const CancelPurchaseOrderMutation = graphql(`
  mutation CancelPurchaseOrder($id: ID!, $withBudgets: Boolean = true) {
    cancelPurchaseOrder(id: $id) {
      ...PurchaseOrderPayloadFields
    }
  }
`);

export const ClosePurchaseOrderMutation = graphql(`
  mutation ClosePurchaseOrder($id: ID!, $withBudgets: Boolean = true) {
    closePurchaseOrder(id: $id) {
      ...PurchaseOrderPayloadFields
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
  mutation PostSupplierInvoice($input: SupplierInvoiceInput!, $withPayables: Boolean = true) {
    postSupplierInvoice(input: $input) {
      ...SupplierInvoicePayloadFields
    }
  }
`);

export const ApproveSupplierInvoiceMismatchMutation = graphql(`
  mutation ApproveSupplierInvoiceMismatch($id: ID!, $withPayables: Boolean = true) {
    approveSupplierInvoiceMismatch(id: $id) {
      ...SupplierInvoicePayloadFields
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
        voucherNo
        supplierInvoiceId
        allocations {
          receiptId
          receiptNumber
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

/** What createSupplier and updateSupplier read back of the SupplierPayload. */
export const SupplierPayloadFieldsFragment = graphql(`
  fragment SupplierPayloadFields on SupplierPayload {
    supplier {
      ...SupplierFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const CreateSupplierMutation = graphql(`
  mutation CreateSupplier($input: CreateSupplierInput!) {
    createSupplier(input: $input) {
      ...SupplierPayloadFields
    }
  }
`);

export const UpdateSupplierMutation = graphql(`
  mutation UpdateSupplier($input: UpdateSupplierInput!) {
    updateSupplier(input: $input) {
      ...SupplierPayloadFields
    }
  }
`);

export const SetSupplierProductMutation = graphql(`
  mutation SetSupplierProduct($input: SetSupplierProductInput!) {
    setSupplierProduct(input: $input) {
      supplierProduct {
        supplierSku
        lastPrice
        leadTimeDays
        minOrderQty
        active
        product {
          id
          sku
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
