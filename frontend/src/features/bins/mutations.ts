import { graphql } from '../../gql';

export const PostBinMoveMutation = graphql(`
  mutation PostBinMove($input: BinMoveInput!) {
    postBinMove(input: $input) {
      binMove {
        id
        number
        lines {
          lineNo
          quantity
          value
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
