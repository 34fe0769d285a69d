import { graphql } from '../../gql';

export const PostStockAdjustmentMutation = graphql(`
  mutation PostStockAdjustment($input: StockAdjustmentInput!) {
    postStockAdjustment(input: $input) {
      document {
        id
        number
        kind
        postingDate
        journalEntryId
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Opening stock taken over from earlier books (finance, or the warehouse when the company allows it). */
export const PostOpeningStockMutation = graphql(`
  mutation PostOpeningStock($input: OpeningStockInput!) {
    postOpeningStock(input: $input) {
      document {
        id
        number
        kind
        postingDate
        journalEntryId
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
