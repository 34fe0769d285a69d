import { graphql } from '../../gql';

export const StockLevelFieldsFragment = graphql(`
  fragment StockLevelFields on StockLevel {
    product {
      id
      sku
      name
      nameEn
      unit
      reorderPoint
      category {
        id
        code
        name
        nameEn
      }
    }
    warehouse {
      id
      code
      name
      region
    }
    onHand
    reserved
    available
    inTransitIn
    value
    averageCost
  }
`);

export const StockLevelsQuery = graphql(`
  query StockLevels($first: Int, $after: String, $filter: StockLevelFilter, $orderBy: StockLevelOrder) {
    stockLevels(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...StockLevelFields
      }
    }
  }
`);

export const StockLevelChangedSubscription = graphql(`
  subscription StockLevelChanged($filter: StockLevelFilter, $after: String) {
    stockLevelChanged(filter: $filter, after: $after) {
      seq
      resync
      level {
        ...StockLevelFields
      }
    }
  }
`);

export const StockMovesQuery = graphql(`
  query StockMoves($first: Int, $after: String, $filter: StockMoveFilter, $orderBy: StockMoveOrder) {
    stockMoves(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        product {
          ...ProductRefFields
        }
        warehouse {
          ...WarehouseRefFields
        }
        location {
          id
          code
        }
        quantity
        value
        postingDate
        source {
          type
          id
          number
        }
        journalEntryId
        voucherNo
        createdAt
      }
    }
  }
`);

export const StockDocumentQuery = graphql(`
  query StockDocument($id: ID, $number: String, $withJournal: Boolean = false) {
    stockDocument(id: $id, number: $number) {
      id
      number
      journalEntry @include(if: $withJournal) {
        ...JournalEntryFields
      }
      kind
      postingDate
      description
      journalEntryId
      voucherNo
      createdAt
      lines {
        lineNo
        product {
          ...ProductRefFields
        }
        warehouse {
          ...WarehouseRefFields
        }
        location {
          id
          code
        }
        quantity
        unitCost
        value
      }
    }
  }
`);

export const StockDocumentsQuery = graphql(`
  query StockDocuments($first: Int, $after: String, $filter: StockDocumentFilter, $orderBy: StockDocumentOrder) {
    stockDocuments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        number
        kind
        postingDate
        description
        voucherNo
        lines {
          lineNo
          quantity
          value
        }
      }
    }
  }
`);
