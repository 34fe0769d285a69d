import { graphql } from '../../gql';

export const ScrapFieldsFragment = graphql(`
  fragment ScrapFields on Scrap {
    id
    number
    status
    date
    note
    receiptNumber
    countNumber
    value
    stockDocumentNumber
    voucherNo
    createdByName
    createdAt
    decidedByName
    decidedAt
    rejectReason
    lines {
      lineNo
      product {
        id
        sku
        name
        nameEn
        unit
      }
      warehouse {
        id
        code
        name
      }
      location {
        id
        code
      }
      quantity
      reason
      note
      value
    }
  }
`);

export const ScrapsQuery = graphql(`
  query Scraps($first: Int, $after: String, $filter: ScrapFilter, $orderBy: ScrapOrder) {
    scraps(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        number
        status
        date
        note
        value
        voucherNo
        lines {
          lineNo
          product {
            id
            sku
            name
            nameEn
          }
        }
      }
    }
  }
`);

export const ScrapQuery = graphql(`
  query Scrap($number: String!) {
    scrap(number: $number) {
      ...ScrapFields
    }
    scrapSettings {
      approvalThreshold
    }
  }
`);

export const ScrapSettingsQuery = graphql(`
  query ScrapSettings {
    scrapSettings {
      approvalThreshold
      slowMoverDays
    }
  }
`);

export const ScrapReceiptQuery = graphql(`
  query ScrapReceipt($number: String!) {
    goodsReceipt(number: $number) {
      id
      number
      warehouse {
        id
      }
      lines {
        lineNo
        product {
          id
          sku
          name
          nameEn
          unit
        }
        location {
          id
        }
        acceptedQuantity
      }
    }
  }
`);

export const SlowMoversQuery = graphql(`
  query SlowMovers($filter: SlowMoverFilter) {
    slowMovers(filter: $filter) {
      product {
        id
        sku
        name
        nameEn
        unit
      }
      warehouse {
        id
        code
        name
      }
      onHand
      value
      lastIssue
      lastReceipt
      lastReceiptNumber
      idleDays
      thresholdDays
      bucket
      action
    }
  }
`);

export const CreateScrapMutation = graphql(`
  mutation CreateScrap($input: NewScrapInput!) {
    createScrap(input: $input) {
      scrap {
        ...ScrapFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SubmitScrapMutation = graphql(`
  mutation SubmitScrap($number: String!) {
    submitScrap(number: $number) {
      scrap {
        ...ScrapFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ApproveScrapMutation = graphql(`
  mutation ApproveScrap($number: String!) {
    approveScrap(number: $number) {
      scrap {
        ...ScrapFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RejectScrapMutation = graphql(`
  mutation RejectScrap($number: String!, $reason: String!) {
    rejectScrap(number: $number, reason: $reason) {
      scrap {
        ...ScrapFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateScrapSettingsMutation = graphql(`
  mutation UpdateScrapSettings($input: ScrapSettingsInput!) {
    updateScrapSettings(input: $input) {
      settings {
        approvalThreshold
        slowMoverDays
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
