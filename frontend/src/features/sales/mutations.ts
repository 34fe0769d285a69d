import { graphql } from '../../gql';

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer {
        ...CustomerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer {
        ...CustomerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateSalesOrderMutation = graphql(`
  mutation CreateSalesOrder($input: SalesOrderInput!) {
    createSalesOrder(input: $input) {
      order {
        ...SalesOrderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmSalesOrderMutation = graphql(`
  mutation ConfirmSalesOrder($id: ID!) {
    confirmSalesOrder(id: $id) {
      order {
        ...SalesOrderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CancelSalesOrderMutation = graphql(`
  mutation CancelSalesOrder($id: ID!) {
    cancelSalesOrder(id: $id) {
      order {
        ...SalesOrderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CloseSalesOrderMutation = graphql(`
  mutation CloseSalesOrder($id: ID!) {
    closeSalesOrder(id: $id) {
      order {
        ...SalesOrderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReleaseSalesOrderHoldMutation = graphql(`
  mutation ReleaseSalesOrderHold($id: ID!) {
    releaseSalesOrderHold(id: $id) {
      order {
        ...SalesOrderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReserveSalesOrderStockMutation = graphql(`
  mutation ReserveSalesOrderStock($id: ID!) {
    reserveSalesOrderStock(id: $id) {
      order {
        ...SalesOrderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ShipShipmentMutation = graphql(`
  mutation ShipShipment($input: ShipShipmentInput!) {
    shipShipment(input: $input) {
      shipment {
        ...ShipmentFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmDeliveryMutation = graphql(`
  mutation ConfirmDelivery($input: ConfirmDeliveryInput!) {
    confirmDelivery(input: $input) {
      shipment {
        ...ShipmentFields
      }
      userErrors {
        ...UserErrorFields
      }
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
