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
