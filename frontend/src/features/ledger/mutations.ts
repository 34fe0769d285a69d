import { graphql } from '../../gql';

export const PostJournalEntryMutation = graphql(`
  mutation PostJournalEntry($input: JournalEntryInput!) {
    postJournalEntry(input: $input) {
      entry {
        ...JournalEntryFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReverseJournalEntryMutation = graphql(`
  mutation ReverseJournalEntry($input: ReverseJournalEntryInput!) {
    reverseJournalEntry(input: $input) {
      entry {
        ...JournalEntryFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CloseFiscalPeriodMutation = graphql(`
  mutation CloseFiscalPeriod($input: FiscalPeriodInput!) {
    closeFiscalPeriod(input: $input) {
      period {
        year
        month
        status
        closedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReopenFiscalPeriodMutation = graphql(`
  mutation ReopenFiscalPeriod($input: FiscalPeriodInput!) {
    reopenFiscalPeriod(input: $input) {
      period {
        year
        month
        status
        closedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
