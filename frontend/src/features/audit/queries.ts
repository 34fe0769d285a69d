import { graphql } from '../../gql';

export const AuditTrailQuery = graphql(`
  query AuditTrail($filter: AuditFilter!, $first: Int, $after: String) {
    auditTrail(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        at
        user {
          id
          username
          displayName
        }
        via
        operation
        action
        recordNumber
        changes {
          field
          before
          after
        }
      }
    }
  }
`);
