import { graphql } from '../../gql';

export const ProductFieldsFragment = graphql(`
  fragment ProductFields on Product {
    id
    sku
    name
    nameEn
    barcodes
    unit
    category {
      id
      code
      name
      nameEn
    }
    sellPrice
    vatRate
    safetyStock
    reorderPoint
    reorderQuantity
    leadTimeDays
    active
    createdAt
    updatedAt
  }
`);

export const ProductsQuery = graphql(`
  query Products($first: Int, $after: String, $filter: ProductFilter, $orderBy: ProductOrder) {
    products(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ProductFields
      }
    }
  }
`);

export const ProductSearchQuery = graphql(`
  query ProductSearch($search: String) {
    products(first: 20, filter: { search: $search, active: true }) {
      nodes {
        id
        sku
        name
        nameEn
        unit
        barcodes
      }
    }
  }
`);

export const ProductByBarcodeQuery = graphql(`
  query ProductByBarcode($barcode: String!) {
    productByBarcode(barcode: $barcode) {
      id
      sku
      name
      nameEn
      unit
      active
      barcodes
    }
  }
`);

export const CategoriesQuery = graphql(`
  query Categories($includeInactive: Boolean) {
    categories(includeInactive: $includeInactive) {
      id
      code
      name
      nameEn
      active
    }
  }
`);

export const WarehousesQuery = graphql(`
  query Warehouses($first: Int, $after: String, $filter: WarehouseFilter, $orderBy: WarehouseOrder) {
    warehouses(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        name
        region
        address
        active
        locations {
          id
          warehouseId
          code
          name
          active
        }
      }
    }
  }
`);

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
    value
    averageCost
  }
`);

export const StockLevelsQuery = graphql(`
  query StockLevels($first: Int, $after: String, $filter: StockLevelFilter, $orderBy: StockLevelOrder) {
    stockLevels(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
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
        hasNextPage
        endCursor
      }
      nodes {
        id
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
        value
        postingDate
        source {
          type
          id
        }
        journalEntryId
        createdAt
      }
    }
  }
`);

export const StockDocumentQuery = graphql(`
  query StockDocument($id: ID!) {
    stockDocument(id: $id) {
      id
      kind
      postingDate
      description
      journalEntryId
      createdAt
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
        unitCost
        value
      }
    }
  }
`);
