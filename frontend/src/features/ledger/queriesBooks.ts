import { graphql } from '../../gql';

/** The account balances (科目余额表) over a range of periods. */
export const AccountBalancesQuery = graphql(`
  query AccountBalances($fromYear: Int!, $fromMonth: Int!, $toYear: Int!, $toMonth: Int!, $level: Int, $accountCode: String, $hideEmpty: Boolean) {
    accountBalances(fromYear: $fromYear, fromMonth: $fromMonth, toYear: $toYear, toMonth: $toMonth, level: $level, accountCode: $accountCode, hideEmpty: $hideEmpty) {
      from
      to
      level
      rows {
        account {
          code
          name
          nameEn
          type
        }
        level
        opening {
          direction
          amount
        }
        periodDebit
        periodCredit
        closing {
          direction
          amount
        }
        yearDebit
        yearCredit
      }
      totals {
        openingDebit
        openingCredit
        periodDebit
        periodCredit
        closingDebit
        closingCredit
        yearDebit
        yearCredit
        balanced
      }
    }
  }
`);

/** An account's general ledger (总账) month by month. */
export const GeneralLedgerQuery = graphql(`
  query GeneralLedger($accountCode: String!, $fromYear: Int!, $fromMonth: Int!, $toYear: Int!, $toMonth: Int!) {
    generalLedger(accountCode: $accountCode, fromYear: $fromYear, fromMonth: $fromMonth, toYear: $toYear, toMonth: $toMonth) {
      opening {
        direction
        amount
      }
      months {
        year
        month
        opening {
          direction
          amount
        }
        debit
        credit
        closing {
          direction
          amount
        }
        yearDebit
        yearCredit
      }
      debit
      credit
      closing {
        direction
        amount
      }
    }
  }
`);

/** A page of an account's sub-ledger (明细账) with the balances around the range. */
export const AccountLedgerQuery = graphql(`
  query AccountLedger($accountCode: String!, $from: Date!, $to: Date!, $first: Int, $after: String) {
    accountLedger(accountCode: $accountCode, from: $from, to: $to, first: $first, after: $after) {
      account {
        code
        name
        nameEn
      }
      opening {
        direction
        amount
      }
      periodDebit
      periodCredit
      closing {
        direction
        amount
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        postingDate
        voucherNo
        entry {
          id
        }
        account {
          code
          name
          nameEn
        }
        description
        debit
        credit
        balance {
          direction
          amount
        }
        source {
          type
          id
          number
        }
      }
    }
  }
`);
