import { graphql } from '../gql';

/** The fields of a payload's userErrors, selected the same way by every mutation document. */
export const UserErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    code
    field
    message
    reason
    params {
      name
      value
    }
  }
`);

/** What a list screen reads of a connection's pageInfo: whether there is more, and the cursor to go on from. */
export const PageInfoFieldsFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);
