import { graphql } from '../../gql';

/** The open amounts by age that customers' and suppliers' aging share. */
export const AgingBucketsFieldsFragment = graphql(`
  fragment AgingBucketsFields on AgingBuckets {
    notDue
    days1To30
    days31To60
    days61To90
    over90
    total
  }
`);
