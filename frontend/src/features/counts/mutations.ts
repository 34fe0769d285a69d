import { graphql } from '../../gql';

export const CreateStockCountMutation = graphql(`
  mutation CreateStockCount($input: NewStockCountInput!) {
    createStockCount(input: $input) {
      stockCount {
        ...StockCountHeader
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const StartStockCountMutation = graphql(`
  mutation StartStockCount($number: String!) {
    startStockCount(number: $number) {
      stockCount {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SubmitStockCountMutation = graphql(`
  mutation SubmitStockCount($number: String!) {
    submitStockCount(number: $number) {
      stockCount {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RequestRecountMutation = graphql(`
  mutation RequestRecount($number: String!, $lineNos: [Int!]) {
    requestRecount(number: $number, lineNos: $lineNos) {
      stockCount {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PostStockCountMutation = graphql(`
  mutation PostStockCount($number: String!, $postingDate: Date) {
    postStockCount(number: $number, postingDate: $postingDate) {
      stockCount {
        id
        status
        voucherNo
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CancelStockCountMutation = graphql(`
  mutation CancelStockCount($number: String!) {
    cancelStockCount(number: $number) {
      stockCount {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AddCountEntryMutation = graphql(`
  mutation AddCountEntry($input: CountEntryInput!) {
    addCountEntry(input: $input) {
      line {
        ...StockCountLineFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateDueCountsMutation = graphql(`
  mutation CreateDueCounts {
    createDueCounts {
      stockCounts {
        id
        number
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetCountScheduleMutation = graphql(`
  mutation SetCountSchedule($abcClass: ABCClass!, $intervalMonths: Int!) {
    setCountSchedule(abcClass: $abcClass, intervalMonths: $intervalMonths) {
      schedule {
        abcClass
        intervalMonths
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
