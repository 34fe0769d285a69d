import { graphql } from '../../gql';

export const BulkExportMutation = graphql(`
  mutation BulkExport($input: BulkExportInput!) {
    bulkExport(input: $input) {
      job {
        ...ExportJobFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const CancelExportMutation = graphql(`
  mutation CancelExport($id: ID!) {
    cancelExport(id: $id) {
      job {
        ...ExportJobFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** What the journal's export writes: one row per journal line with its voucher. */
export const JOURNAL_LINES_EXPORT = `query JournalLinesExport($filter: JournalLineFilter) {
  journalLines(filter: $filter) {
    nodes {
      entry { voucherNo postingDate description sourceType }
      lineNo
      account { code name }
      debit
      credit
      costCentre
      partner
      product { sku name }
      description
    }
  }
}`;

/** What the stock moves' export writes: one row per move. */
export const STOCK_MOVES_EXPORT = `query StockMovesExport($filter: StockMoveFilter, $orderBy: StockMoveOrder) {
  stockMoves(filter: $filter, orderBy: $orderBy) {
    nodes {
      postingDate
      product { sku name }
      warehouse { code name }
      quantity
      value
      source { type number }
      voucherNo
    }
  }
}`;
