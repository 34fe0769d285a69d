import { graphql } from '../../gql';

export const CreateStockTransferMutation = graphql(`
  mutation CreateStockTransfer($input: StockTransferInput!) {
    createStockTransfer(input: $input) {
      stockTransfer {
        ...StockTransferFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ShipStockTransferMutation = graphql(`
  mutation ShipStockTransfer($input: ShipStockTransferInput!) {
    shipStockTransfer(input: $input) {
      stockTransfer {
        ...StockTransferFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReceiveStockTransferMutation = graphql(`
  mutation ReceiveStockTransfer($input: ReceiveStockTransferInput!) {
    receiveStockTransfer(input: $input) {
      stockTransfer {
        ...StockTransferFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SettleTransferShortfallMutation = graphql(`
  mutation SettleTransferShortfall($input: SettleTransferShortfallInput!) {
    settleTransferShortfall(input: $input) {
      stockTransfer {
        ...StockTransferFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CancelStockTransferMutation = graphql(`
  mutation CancelStockTransfer($number: String!) {
    cancelStockTransfer(number: $number) {
      stockTransfer {
        ...StockTransferFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
