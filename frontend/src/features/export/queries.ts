import { graphql } from '../../gql';

export const ExportJobFieldsFragment = graphql(`
  fragment ExportJobFields on ExportJob {
    id
    status
    format
    connection
    rowsWritten
    totalCount
    byteSize
    errorMessage
    fileName
    downloadUrl
    createdAt
    finishedAt
    expiresAt
  }
`);

export const ExportJobsQuery = graphql(`
  query ExportJobs($first: Int, $after: String, $orderBy: ExportJobOrder) {
    exportJobs(first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ExportJobFields
      }
    }
  }
`);

export const ExportJobChangedSubscription = graphql(`
  subscription ExportJobChanged($id: ID!) {
    exportJobChanged(id: $id) {
      ...ExportJobFields
    }
  }
`);
