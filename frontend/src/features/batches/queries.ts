import { graphql } from '../../gql';

export const BatchesQuery = graphql(`
  query Batches($productId: ID, $warehouseId: ID, $expiringWithinDays: Int, $search: String) {
    batches(productId: $productId, warehouseId: $warehouseId, expiringWithinDays: $expiringWithinDays, search: $search) {
      onHand
      warehouse {
        id
        code
        name
      }
      batch {
        id
        number
        expiryDate
        productionDate
        sourceType
        sourceNumber
        product {
          id
          sku
          name
          nameEn
          unit
        }
      }
    }
    expiryAlertDays
  }
`);

export const BatchTraceQuery = graphql(`
  query BatchTraceByNumber($productSku: String!, $number: String!) {
    batchTraceByNumber(productSku: $productSku, number: $number) {
      batch {
        id
        number
        expiryDate
        productionDate
        sourceType
        sourceNumber
        product {
          id
          sku
          name
          nameEn
          unit
        }
      }
      moves {
        moveId
        postingDate
        quantity
        sourceType
        documentNumber
        customerCode
        customerName
        warehouse {
          id
          code
          name
        }
      }
    }
  }
`);

export const ExpiryAlertDaysQuery = graphql(`
  query ExpiryAlertDays {
    expiryAlertDays
  }
`);

export const ProductTrackingQuery = graphql(`
  query ProductTracking($id: ID!) {
    product(id: $id) {
      id
      sku
      tracking {
        productId
        batchTracked
        expiryTracked
        shelfLifeDays
      }
    }
  }
`);

export const SetProductBatchTrackingMutation = graphql(`
  mutation SetProductBatchTracking($input: ProductBatchTrackingInput!) {
    setProductBatchTracking(input: $input) {
      tracking {
        productId
        batchTracked
        expiryTracked
        shelfLifeDays
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetExpiryAlertDaysMutation = graphql(`
  mutation SetExpiryAlertDays($days: Int!) {
    setExpiryAlertDays(days: $days) {
      days
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const BatchChoicesQuery = graphql(`
  query BatchChoices($productId: ID!, $warehouseId: ID!) {
    batches(productId: $productId, warehouseId: $warehouseId) {
      onHand
      batch {
        id
        number
        expiryDate
      }
    }
  }
`);
