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

export const PartnerStatementFieldsFragment = graphql(`
  fragment PartnerStatementFields on PartnerStatement {
    kind
    code
    name
    from
    to
    opening
    debit
    credit
    closing
    lines {
      date
      entryId
      voucherNo
      source {
        type
        id
        number
      }
      accountCode
      description
      debit
      credit
      balance
    }
  }
`);

export const CustomerStatementQuery = graphql(`
  query CustomerStatement($id: ID!, $from: Date, $to: Date) {
    customer(id: $id) {
      id
      statement(from: $from, to: $to) {
        ...PartnerStatementFields
      }
    }
  }
`);

export const SupplierStatementQuery = graphql(`
  query SupplierStatement($id: ID!, $from: Date, $to: Date) {
    supplier(id: $id) {
      id
      statement(from: $from, to: $to) {
        ...PartnerStatementFields
      }
    }
  }
`);
