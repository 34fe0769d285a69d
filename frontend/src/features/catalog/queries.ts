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
        ...PageInfoFields
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
        ...PageInfoFields
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

/** A product as a document line or a list row names it. */
export const ProductRefFieldsFragment = graphql(`
  fragment ProductRefFields on Product {
    id
    sku
    name
    nameEn
    unit
  }
`);

/** A warehouse as a document or a list row names it. */
export const WarehouseRefFieldsFragment = graphql(`
  fragment WarehouseRefFields on Warehouse {
    id
    code
    name
  }
`);

/** A product's units of measure: its stock unit's rounding, its other units and its default purchase and sales units. */
export const ProductUnitsQuery = graphql(`
  query ProductUnits($id: ID!) {
    product(id: $id) {
      id
      sku
      unit
      unitPlaces
      purchaseUnit
      salesUnit
      sellPrice
      units {
        code
        nameEn
        factor
        places
        barcode
      }
    }
  }
`);

/** What a scanned barcode names: the product and the unit one scan counts (a carton's factor). */
export const ScanBarcodeQuery = graphql(`
  query ScanBarcode($barcode: String!) {
    scanBarcode(barcode: $barcode) {
      product {
        id
        sku
      }
      unit
      isPack
      factor
    }
  }
`);
