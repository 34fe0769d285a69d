import { graphql } from '../../gql';

/** What createProduct and updateProduct read back of the ProductPayload. */
export const ProductPayloadFieldsFragment = graphql(`
  fragment ProductPayloadFields on ProductPayload {
    product {
      ...ProductFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...ProductPayloadFields
    }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      ...ProductPayloadFields
    }
  }
`);

export const DeactivateProductMutation = graphql(`
  mutation DeactivateProduct($id: ID!) {
    deactivateProduct(id: $id) {
      product {
        id
        active
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateWarehouseMutation = graphql(`
  mutation CreateWarehouse($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) {
      warehouse {
        id
        code
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateWarehouseMutation = graphql(`
  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {
    updateWarehouse(input: $input) {
      warehouse {
        id
        code
        active
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateLocationMutation = graphql(`
  mutation CreateLocation($input: CreateLocationInput!) {
    createLocation(input: $input) {
      location {
        id
        code
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateLocationMutation = graphql(`
  mutation UpdateLocation($input: UpdateLocationInput!) {
    updateLocation(input: $input) {
      location {
        id
        active
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateCategoryMutation = graphql(`
  mutation CreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      category {
        id
        code
        name
        nameEn
        active
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateCategoryMutation = graphql(`
  mutation UpdateCategory($input: UpdateCategoryInput!) {
    updateCategory(input: $input) {
      category {
        id
        code
        name
        nameEn
        active
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetProductUnitsMutation = graphql(`
  mutation SetProductUnits($input: SetProductUnitsInput!) {
    setProductUnits(input: $input) {
      product {
        id
        unitPlaces
        purchaseUnit
        salesUnit
        units {
          code
          nameEn
          factor
          places
          barcode
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
