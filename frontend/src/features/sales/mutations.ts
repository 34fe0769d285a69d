import { graphql } from '../../gql';

/** What createCustomer and updateCustomer read back of the CustomerPayload. */
export const CustomerPayloadFieldsFragment = graphql(`
  fragment CustomerPayloadFields on CustomerPayload {
    customer {
      ...CustomerFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

/** What createSalesOrder, confirmSalesOrder, cancelSalesOrder, closeSalesOrder, releaseSalesOrderHold and reserveSalesOrderStock read back of the SalesOrderPayload. */
export const SalesOrderPayloadFieldsFragment = graphql(`
  fragment SalesOrderPayloadFields on SalesOrderPayload {
    order {
      ...SalesOrderFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

/** What shipShipment and confirmDelivery read back of the ShipmentPayload. */
export const ShipmentPayloadFieldsFragment = graphql(`
  fragment ShipmentPayloadFields on ShipmentPayload {
    shipment {
      ...ShipmentFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      ...CustomerPayloadFields
    }
  }
`);

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      ...CustomerPayloadFields
    }
  }
`);

export const CreateSalesOrderMutation = graphql(`
  mutation CreateSalesOrder($input: SalesOrderInput!) {
    createSalesOrder(input: $input) {
      ...SalesOrderPayloadFields
    }
  }
`);

export const ConfirmSalesOrderMutation = graphql(`
  mutation ConfirmSalesOrder($id: ID!) {
    confirmSalesOrder(id: $id) {
      ...SalesOrderPayloadFields
    }
  }
`);

export const CancelSalesOrderMutation = graphql(`
  mutation CancelSalesOrder($id: ID!) {
    cancelSalesOrder(id: $id) {
      ...SalesOrderPayloadFields
    }
  }
`);

export const CloseSalesOrderMutation = graphql(`
  mutation CloseSalesOrder($id: ID!) {
    closeSalesOrder(id: $id) {
      ...SalesOrderPayloadFields
    }
  }
`);

export const ReleaseSalesOrderHoldMutation = graphql(`
  mutation ReleaseSalesOrderHold($id: ID!) {
    releaseSalesOrderHold(id: $id) {
      ...SalesOrderPayloadFields
    }
  }
`);

export const ReserveSalesOrderStockMutation = graphql(`
  mutation ReserveSalesOrderStock($id: ID!) {
    reserveSalesOrderStock(id: $id) {
      ...SalesOrderPayloadFields
    }
  }
`);

export const ShipShipmentMutation = graphql(`
  mutation ShipShipment($input: ShipShipmentInput!, $withCost: Boolean = false) {
    shipShipment(input: $input) {
      ...ShipmentPayloadFields
    }
  }
`);

export const ConfirmDeliveryMutation = graphql(`
  mutation ConfirmDelivery($input: ConfirmDeliveryInput!, $withCost: Boolean = false) {
    confirmDelivery(input: $input) {
      ...ShipmentPayloadFields
    }
  }
`);

export const CreateSalesInvoiceMutation = graphql(`
  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {
    createSalesInvoice(input: $input) {
      invoice {
        ...SalesInvoiceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecordCustomerPaymentMutation = graphql(`
  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {
    recordCustomerPayment(input: $input) {
      payment {
        id
        number
        amount
        appliedAmount
        unapplied
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ApplyCustomerCreditMutation = graphql(`
  mutation ApplyCustomerCredit($input: ApplyCustomerCreditInput!) {
    applyCustomerCredit(input: $input) {
      payment {
        id
        number
        appliedAmount
        unapplied
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateSalesReturnMutation = graphql(`
  mutation CreateSalesReturn($input: CreateSalesReturnInput!) {
    createSalesReturn(input: $input) {
      salesReturn {
        id
        number
        totalAmount
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RefundCustomerMutation = graphql(`
  mutation RefundCustomer($input: RefundCustomerInput!) {
    refundCustomer(input: $input) {
      refund {
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
