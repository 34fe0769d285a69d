import { graphql } from '../../gql';/** What postJournalEntry and reverseJournalEntry read back of the JournalEntryPayload. */
export const JournalEntryPayloadFieldsFragment = graphql(`
  fragment JournalEntryPayloadFields on JournalEntryPayload {
    entry {
      ...JournalEntryFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

/** What closeFiscalPeriod and reopenFiscalPeriod read back of the FiscalPeriodPayload. */
export const FiscalPeriodPayloadFieldsFragment = graphql(`
  fragment FiscalPeriodPayloadFields on FiscalPeriodPayload {
    period {
      year
      month
      status
      closedAt
      reopenReason
    }
    changed {
      year
      month
    }
    lockDate
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const PostJournalEntryMutation = graphql(`
  mutation PostJournalEntry($input: JournalEntryInput!) {
    postJournalEntry(input: $input) {
      ...JournalEntryPayloadFields
    }
  }
`);

export const ReverseJournalEntryMutation = graphql(`
  mutation ReverseJournalEntry($input: ReverseJournalEntryInput!) {
    reverseJournalEntry(input: $input) {
      ...JournalEntryPayloadFields
    }
  }
`);

export const CloseFiscalPeriodMutation = graphql(`
  mutation CloseFiscalPeriod($input: FiscalPeriodInput!) {
    closeFiscalPeriod(input: $input) {
      ...FiscalPeriodPayloadFields
    }
  }
`);

export const ReopenFiscalPeriodMutation = graphql(`
  mutation ReopenFiscalPeriod($input: FiscalPeriodInput!) {
    reopenFiscalPeriod(input: $input) {
      ...FiscalPeriodPayloadFields
    }
  }
`);

/** What createAccount and updateAccount read back. */
export const AccountPayloadFieldsFragment = graphql(`
  fragment AccountPayloadFields on AccountPayload {
    account {
      code
      name
      nameEn
      type
      parentCode
      header
      manualPosting
      active
      direction
      dimensions
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const CreateAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      ...AccountPayloadFields
    }
  }
`);

export const UpdateAccountMutation = graphql(`
  mutation UpdateAccount($input: UpdateAccountInput!) {
    updateAccount(input: $input) {
      ...AccountPayloadFields
    }
  }
`);

/** 审核: vouchers reviewed by the caller, all or none. */
export const ReviewVouchersMutation = graphql(`
  mutation ReviewVouchers($input: VoucherReviewInput!) {
    reviewVouchers(input: $input) {
      entries {
        id
        reviewedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Takes reviews back, all or none. */
export const UnreviewVouchersMutation = graphql(`
  mutation UnreviewVouchers($input: VoucherReviewInput!) {
    unreviewVouchers(input: $input) {
      entries {
        id
        reviewedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Sets the Golden Tax fields of a sales or supplier invoice. */
export const UpdateVatInvoiceInfoMutation = graphql(`
  mutation UpdateVatInvoiceInfo($input: UpdateVatInvoiceInfoInput!) {
    updateVatInvoiceInfo(input: $input) {
      salesInvoice {
        id
        vatInvoice {
          ...VatInvoiceInfoFields
        }
      }
      supplierInvoice {
        id
        vatInvoice {
          ...VatInvoiceInfoFields
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
