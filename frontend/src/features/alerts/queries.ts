import { graphql } from '../../gql';

export const AlertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    kind
    subject
    message
    ownerId
    createdAt
    acknowledged
    acknowledgedAt
  }
`);

export const AlertsQuery = graphql(`
  query Alerts($kinds: [String!], $mine: Boolean, $acknowledged: Boolean, $first: Int, $after: String) {
    alerts(kinds: $kinds, mine: $mine, acknowledged: $acknowledged, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...AlertFields
        subjectRecords {
          __typename
          ... on Product {
            id
            sku
            name
            nameEn
          }
          ... on Warehouse {
            id
            code
            name
          }
          ... on Supplier {
            id
            code
            name
          }
          ... on Customer {
            id
            code
            name
          }
          ... on SalesOrder {
            id
            number
          }
          ... on BudgetLine {
            id
            year
            month
            costCentre
            accountCode
          }
        }
      }
    }
  }
`);

export const OpenAlertCountQuery = graphql(`
  query OpenAlertCount {
    alerts(mine: true, acknowledged: false, first: 1) {
      totalCount
    }
  }
`);

export const AlertRaisedSubscription = graphql(`
  subscription AlertRaised($kinds: [String!], $mine: Boolean, $after: String) {
    alertRaised(kinds: $kinds, mine: $mine, after: $after) {
      seq
      resync
      alert {
        ...AlertFields
      }
    }
  }
`);
