import { graphql } from '../../gql';

export const StockCountHeaderFragment = graphql(`
  fragment StockCountHeader on StockCount {
    id
    number
    status
    blind
    bookHidden
    abcClass
    description
    tolerancePercent
    toleranceValue
    createdAt
    startedAt
    submittedAt
    postedAt
    postingDate
    voucherNo
    warehouse {
      id
      code
      name
    }
    location {
      id
      code
      name
    }
    category {
      id
      name
      nameEn
    }
  }
`);

export const StockCountLineFieldsFragment = graphql(`
  fragment StockCountLineFields on StockCountLine {
    id
    lineNo
    round
    recount
    damaged
    book
    movedSince
    expected
    counted
    entries
    variance
    varianceValue
    overTolerance
    product {
      id
      sku
      name
      nameEn
      unit
      barcodes
    }
    location {
      id
      code
    }
  }
`);

export const StockCountsQuery = graphql(`
  query StockCounts($first: Int, $after: String, $filter: StockCountFilter, $orderBy: StockCountOrder) {
    stockCounts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...StockCountHeader
      }
    }
  }
`);

export const StockCountQuery = graphql(`
  query StockCount($number: String!) {
    stockCount(number: $number) {
      ...StockCountHeader
      lines {
        ...StockCountLineFields
        countEntries {
          counter
          quantity
          countedAt
          viaScan
        }
      }
    }
  }
`);

/** The open sheets a handheld counts: their lines come with the sheet chosen. */
export const OpenStockCountsQuery = graphql(`
  query OpenStockCounts {
    stockCounts(first: 100, filter: { status: [COUNTING] }) {
      nodes {
        ...StockCountHeader
      }
    }
  }
`);

/** The stock moves a posted count made (its adjustments). */
export const StockCountMovesQuery = graphql(`
  query StockCountMoves($sourceId: ID!) {
    stockMoves(first: 200, filter: { sourceType: STOCK_COUNT, sourceId: $sourceId }) {
      totalCount
      nodes {
        id
        quantity
        value
        postingDate
        voucherNo
        product {
          id
          sku
          name
          nameEn
        }
        warehouse {
          id
          code
        }
      }
    }
  }
`);

export const CountsDueQuery = graphql(`
  query CountsDue {
    countsDue {
      abcClass
      intervalMonths
      lastCounted
      products
      openNumber
      warehouse {
        id
        code
        name
      }
    }
    countSchedule {
      abcClass
      intervalMonths
    }
  }
`);
