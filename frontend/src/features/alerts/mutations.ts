import { graphql } from '../../gql';

export const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      alert {
        ...AlertFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
