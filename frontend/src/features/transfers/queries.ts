import { graphql } from '../../gql';

export const StockTransferFieldsFragment = graphql(`
  fragment StockTransferFields on StockTransfer {
    id
    number
    status
    transferDate
    shippedDate
    carrier
    notes
    shipVoucherNo
    inTransitQuantity
    inTransitValue
    fromWarehouse {
      id
      code
      name
    }
    toWarehouse {
      id
      code
      name
    }
    lines {
      lineNo
      product {
        id
        sku
        name
        nameEn
        unit
        barcodes
      }
      quantity
      shippedQty
      shippedValue
      receivedQty
      receivedValue
      shortQty
      shortValue
      shortReason
      inTransitQty
      inTransitValue
    }
    events {
      kind
      eventDate
      reason
      carrier
      voucherNo
      quantity
      value
    }
  }
`);

export const StockTransfersQuery = graphql(`
  query StockTransfers($first: Int, $after: String, $filter: StockTransferFilter, $orderBy: StockTransferOrder) {
    stockTransfers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...StockTransferFields
      }
    }
  }
`);

export const StockTransferQuery = graphql(`
  query StockTransfer($number: String!) {
    stockTransfer(number: $number) {
      ...StockTransferFields
    }
  }
`);
