/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      roles\n    }\n  }\n": typeof types.MeDocument,
    "\n  subscription Clock {\n    clock\n  }\n": typeof types.ClockDocument,
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query MyApiTokens {\n    myApiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.MyApiTokensDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n        active\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n        active\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  query Users {\n    users {\n      id\n      username\n      displayName\n      roles\n      active\n      createdAt\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product {\n        ...ProductFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      product {\n        ...ProductFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateProductDocument,
    "\n  mutation DeactivateProduct($id: ID!) {\n    deactivateProduct(id: $id) {\n      product {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.DeactivateProductDocument,
    "\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) {\n      warehouse {\n        id\n        code\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateWarehouseDocument,
    "\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) {\n      warehouse {\n        id\n        code\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateWarehouseDocument,
    "\n  mutation CreateLocation($input: CreateLocationInput!) {\n    createLocation(input: $input) {\n      location {\n        id\n        code\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateLocationDocument,
    "\n  mutation UpdateLocation($input: UpdateLocationInput!) {\n    updateLocation(input: $input) {\n      location {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateLocationDocument,
    "\n  mutation PostStockAdjustment($input: StockAdjustmentInput!) {\n    postStockAdjustment(input: $input) {\n      document {\n        id\n        kind\n        postingDate\n        journalEntryId\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.PostStockAdjustmentDocument,
    "\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    nameEn\n    barcodes\n    unit\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sellPrice\n    vatRate\n    safetyStock\n    reorderPoint\n    reorderQuantity\n    leadTimeDays\n    active\n    createdAt\n    updatedAt\n  }\n": typeof types.ProductFieldsFragmentDoc,
    "\n  query Products($first: Int, $after: String, $filter: ProductFilter, $orderBy: ProductOrder) {\n    products(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ProductFields\n      }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  query ProductSearch($search: String) {\n    products(first: 20, filter: { search: $search, active: true }) {\n      nodes {\n        id\n        sku\n        name\n        nameEn\n        unit\n        barcodes\n      }\n    }\n  }\n": typeof types.ProductSearchDocument,
    "\n  query ProductByBarcode($barcode: String!) {\n    productByBarcode(barcode: $barcode) {\n      id\n      sku\n      name\n      nameEn\n      unit\n      active\n      barcodes\n    }\n  }\n": typeof types.ProductByBarcodeDocument,
    "\n  query Categories($includeInactive: Boolean) {\n    categories(includeInactive: $includeInactive) {\n      id\n      code\n      name\n      nameEn\n      active\n    }\n  }\n": typeof types.CategoriesDocument,
    "\n  query Warehouses($first: Int, $after: String, $filter: WarehouseFilter, $orderBy: WarehouseOrder) {\n    warehouses(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        code\n        name\n        region\n        address\n        active\n        locations {\n          id\n          warehouseId\n          code\n          name\n          active\n        }\n      }\n    }\n  }\n": typeof types.WarehousesDocument,
    "\n  fragment StockLevelFields on StockLevel {\n    product {\n      id\n      sku\n      name\n      nameEn\n      unit\n      reorderPoint\n      category {\n        id\n        code\n        name\n        nameEn\n      }\n    }\n    warehouse {\n      id\n      code\n      name\n      region\n    }\n    onHand\n    reserved\n    available\n    value\n    averageCost\n  }\n": typeof types.StockLevelFieldsFragmentDoc,
    "\n  query StockLevels($first: Int, $after: String, $filter: StockLevelFilter, $orderBy: StockLevelOrder) {\n    stockLevels(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...StockLevelFields\n      }\n    }\n  }\n": typeof types.StockLevelsDocument,
    "\n  subscription StockLevelChanged($filter: StockLevelFilter, $after: String) {\n    stockLevelChanged(filter: $filter, after: $after) {\n      seq\n      resync\n      level {\n        ...StockLevelFields\n      }\n    }\n  }\n": typeof types.StockLevelChangedDocument,
    "\n  query StockMoves($first: Int, $after: String, $filter: StockMoveFilter, $orderBy: StockMoveOrder) {\n    stockMoves(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        product {\n          id\n          sku\n          name\n          nameEn\n          unit\n        }\n        warehouse {\n          id\n          code\n          name\n        }\n        location {\n          id\n          code\n        }\n        quantity\n        value\n        postingDate\n        source {\n          type\n          id\n        }\n        journalEntryId\n        createdAt\n      }\n    }\n  }\n": typeof types.StockMovesDocument,
    "\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id\n      kind\n      postingDate\n      description\n      journalEntryId\n      createdAt\n      lines {\n        lineNo\n        product {\n          id\n          sku\n          name\n          nameEn\n          unit\n        }\n        warehouse {\n          id\n          code\n          name\n        }\n        location {\n          id\n          code\n        }\n        quantity\n        unitCost\n        value\n      }\n    }\n  }\n": typeof types.StockDocumentDocument,
};
const documents: Documents = {
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      roles\n    }\n  }\n": types.MeDocument,
    "\n  subscription Clock {\n    clock\n  }\n": types.ClockDocument,
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query MyApiTokens {\n    myApiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.MyApiTokensDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n        active\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n        active\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateUserDocument,
    "\n  query Users {\n    users {\n      id\n      username\n      displayName\n      roles\n      active\n      createdAt\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product {\n        ...ProductFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      product {\n        ...ProductFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateProductDocument,
    "\n  mutation DeactivateProduct($id: ID!) {\n    deactivateProduct(id: $id) {\n      product {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.DeactivateProductDocument,
    "\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) {\n      warehouse {\n        id\n        code\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateWarehouseDocument,
    "\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) {\n      warehouse {\n        id\n        code\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateWarehouseDocument,
    "\n  mutation CreateLocation($input: CreateLocationInput!) {\n    createLocation(input: $input) {\n      location {\n        id\n        code\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateLocationDocument,
    "\n  mutation UpdateLocation($input: UpdateLocationInput!) {\n    updateLocation(input: $input) {\n      location {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateLocationDocument,
    "\n  mutation PostStockAdjustment($input: StockAdjustmentInput!) {\n    postStockAdjustment(input: $input) {\n      document {\n        id\n        kind\n        postingDate\n        journalEntryId\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.PostStockAdjustmentDocument,
    "\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    nameEn\n    barcodes\n    unit\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sellPrice\n    vatRate\n    safetyStock\n    reorderPoint\n    reorderQuantity\n    leadTimeDays\n    active\n    createdAt\n    updatedAt\n  }\n": types.ProductFieldsFragmentDoc,
    "\n  query Products($first: Int, $after: String, $filter: ProductFilter, $orderBy: ProductOrder) {\n    products(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ProductFields\n      }\n    }\n  }\n": types.ProductsDocument,
    "\n  query ProductSearch($search: String) {\n    products(first: 20, filter: { search: $search, active: true }) {\n      nodes {\n        id\n        sku\n        name\n        nameEn\n        unit\n        barcodes\n      }\n    }\n  }\n": types.ProductSearchDocument,
    "\n  query ProductByBarcode($barcode: String!) {\n    productByBarcode(barcode: $barcode) {\n      id\n      sku\n      name\n      nameEn\n      unit\n      active\n      barcodes\n    }\n  }\n": types.ProductByBarcodeDocument,
    "\n  query Categories($includeInactive: Boolean) {\n    categories(includeInactive: $includeInactive) {\n      id\n      code\n      name\n      nameEn\n      active\n    }\n  }\n": types.CategoriesDocument,
    "\n  query Warehouses($first: Int, $after: String, $filter: WarehouseFilter, $orderBy: WarehouseOrder) {\n    warehouses(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        code\n        name\n        region\n        address\n        active\n        locations {\n          id\n          warehouseId\n          code\n          name\n          active\n        }\n      }\n    }\n  }\n": types.WarehousesDocument,
    "\n  fragment StockLevelFields on StockLevel {\n    product {\n      id\n      sku\n      name\n      nameEn\n      unit\n      reorderPoint\n      category {\n        id\n        code\n        name\n        nameEn\n      }\n    }\n    warehouse {\n      id\n      code\n      name\n      region\n    }\n    onHand\n    reserved\n    available\n    value\n    averageCost\n  }\n": types.StockLevelFieldsFragmentDoc,
    "\n  query StockLevels($first: Int, $after: String, $filter: StockLevelFilter, $orderBy: StockLevelOrder) {\n    stockLevels(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...StockLevelFields\n      }\n    }\n  }\n": types.StockLevelsDocument,
    "\n  subscription StockLevelChanged($filter: StockLevelFilter, $after: String) {\n    stockLevelChanged(filter: $filter, after: $after) {\n      seq\n      resync\n      level {\n        ...StockLevelFields\n      }\n    }\n  }\n": types.StockLevelChangedDocument,
    "\n  query StockMoves($first: Int, $after: String, $filter: StockMoveFilter, $orderBy: StockMoveOrder) {\n    stockMoves(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        product {\n          id\n          sku\n          name\n          nameEn\n          unit\n        }\n        warehouse {\n          id\n          code\n          name\n        }\n        location {\n          id\n          code\n        }\n        quantity\n        value\n        postingDate\n        source {\n          type\n          id\n        }\n        journalEntryId\n        createdAt\n      }\n    }\n  }\n": types.StockMovesDocument,
    "\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id\n      kind\n      postingDate\n      description\n      journalEntryId\n      createdAt\n      lines {\n        lineNo\n        product {\n          id\n          sku\n          name\n          nameEn\n          unit\n        }\n        warehouse {\n          id\n          code\n          name\n        }\n        location {\n          id\n          code\n        }\n        quantity\n        unitCost\n        value\n      }\n    }\n  }\n": types.StockDocumentDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      roles\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      username\n      displayName\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Clock {\n    clock\n  }\n"): (typeof documents)["\n  subscription Clock {\n    clock\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyApiTokens {\n    myApiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query MyApiTokens {\n    myApiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n        active\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n        active\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n        active\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        username\n        displayName\n        roles\n        active\n        createdAt\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      id\n      username\n      displayName\n      roles\n      active\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users {\n      id\n      username\n      displayName\n      roles\n      active\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product {\n        ...ProductFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product {\n        ...ProductFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      product {\n        ...ProductFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      product {\n        ...ProductFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateProduct($id: ID!) {\n    deactivateProduct(id: $id) {\n      product {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateProduct($id: ID!) {\n    deactivateProduct(id: $id) {\n      product {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) {\n      warehouse {\n        id\n        code\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) {\n      warehouse {\n        id\n        code\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) {\n      warehouse {\n        id\n        code\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) {\n      warehouse {\n        id\n        code\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLocation($input: CreateLocationInput!) {\n    createLocation(input: $input) {\n      location {\n        id\n        code\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLocation($input: CreateLocationInput!) {\n    createLocation(input: $input) {\n      location {\n        id\n        code\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLocation($input: UpdateLocationInput!) {\n    updateLocation(input: $input) {\n      location {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLocation($input: UpdateLocationInput!) {\n    updateLocation(input: $input) {\n      location {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostStockAdjustment($input: StockAdjustmentInput!) {\n    postStockAdjustment(input: $input) {\n      document {\n        id\n        kind\n        postingDate\n        journalEntryId\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostStockAdjustment($input: StockAdjustmentInput!) {\n    postStockAdjustment(input: $input) {\n      document {\n        id\n        kind\n        postingDate\n        journalEntryId\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    nameEn\n    barcodes\n    unit\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sellPrice\n    vatRate\n    safetyStock\n    reorderPoint\n    reorderQuantity\n    leadTimeDays\n    active\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    nameEn\n    barcodes\n    unit\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sellPrice\n    vatRate\n    safetyStock\n    reorderPoint\n    reorderQuantity\n    leadTimeDays\n    active\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products($first: Int, $after: String, $filter: ProductFilter, $orderBy: ProductOrder) {\n    products(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ProductFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Products($first: Int, $after: String, $filter: ProductFilter, $orderBy: ProductOrder) {\n    products(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ProductFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductSearch($search: String) {\n    products(first: 20, filter: { search: $search, active: true }) {\n      nodes {\n        id\n        sku\n        name\n        nameEn\n        unit\n        barcodes\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductSearch($search: String) {\n    products(first: 20, filter: { search: $search, active: true }) {\n      nodes {\n        id\n        sku\n        name\n        nameEn\n        unit\n        barcodes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductByBarcode($barcode: String!) {\n    productByBarcode(barcode: $barcode) {\n      id\n      sku\n      name\n      nameEn\n      unit\n      active\n      barcodes\n    }\n  }\n"): (typeof documents)["\n  query ProductByBarcode($barcode: String!) {\n    productByBarcode(barcode: $barcode) {\n      id\n      sku\n      name\n      nameEn\n      unit\n      active\n      barcodes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Categories($includeInactive: Boolean) {\n    categories(includeInactive: $includeInactive) {\n      id\n      code\n      name\n      nameEn\n      active\n    }\n  }\n"): (typeof documents)["\n  query Categories($includeInactive: Boolean) {\n    categories(includeInactive: $includeInactive) {\n      id\n      code\n      name\n      nameEn\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Warehouses($first: Int, $after: String, $filter: WarehouseFilter, $orderBy: WarehouseOrder) {\n    warehouses(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        code\n        name\n        region\n        address\n        active\n        locations {\n          id\n          warehouseId\n          code\n          name\n          active\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Warehouses($first: Int, $after: String, $filter: WarehouseFilter, $orderBy: WarehouseOrder) {\n    warehouses(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        code\n        name\n        region\n        address\n        active\n        locations {\n          id\n          warehouseId\n          code\n          name\n          active\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StockLevelFields on StockLevel {\n    product {\n      id\n      sku\n      name\n      nameEn\n      unit\n      reorderPoint\n      category {\n        id\n        code\n        name\n        nameEn\n      }\n    }\n    warehouse {\n      id\n      code\n      name\n      region\n    }\n    onHand\n    reserved\n    available\n    value\n    averageCost\n  }\n"): (typeof documents)["\n  fragment StockLevelFields on StockLevel {\n    product {\n      id\n      sku\n      name\n      nameEn\n      unit\n      reorderPoint\n      category {\n        id\n        code\n        name\n        nameEn\n      }\n    }\n    warehouse {\n      id\n      code\n      name\n      region\n    }\n    onHand\n    reserved\n    available\n    value\n    averageCost\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockLevels($first: Int, $after: String, $filter: StockLevelFilter, $orderBy: StockLevelOrder) {\n    stockLevels(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...StockLevelFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query StockLevels($first: Int, $after: String, $filter: StockLevelFilter, $orderBy: StockLevelOrder) {\n    stockLevels(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...StockLevelFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StockLevelChanged($filter: StockLevelFilter, $after: String) {\n    stockLevelChanged(filter: $filter, after: $after) {\n      seq\n      resync\n      level {\n        ...StockLevelFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StockLevelChanged($filter: StockLevelFilter, $after: String) {\n    stockLevelChanged(filter: $filter, after: $after) {\n      seq\n      resync\n      level {\n        ...StockLevelFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockMoves($first: Int, $after: String, $filter: StockMoveFilter, $orderBy: StockMoveOrder) {\n    stockMoves(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        product {\n          id\n          sku\n          name\n          nameEn\n          unit\n        }\n        warehouse {\n          id\n          code\n          name\n        }\n        location {\n          id\n          code\n        }\n        quantity\n        value\n        postingDate\n        source {\n          type\n          id\n        }\n        journalEntryId\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query StockMoves($first: Int, $after: String, $filter: StockMoveFilter, $orderBy: StockMoveOrder) {\n    stockMoves(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        product {\n          id\n          sku\n          name\n          nameEn\n          unit\n        }\n        warehouse {\n          id\n          code\n          name\n        }\n        location {\n          id\n          code\n        }\n        quantity\n        value\n        postingDate\n        source {\n          type\n          id\n        }\n        journalEntryId\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id\n      kind\n      postingDate\n      description\n      journalEntryId\n      createdAt\n      lines {\n        lineNo\n        product {\n          id\n          sku\n          name\n          nameEn\n          unit\n        }\n        warehouse {\n          id\n          code\n          name\n        }\n        location {\n          id\n          code\n        }\n        quantity\n        unitCost\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id\n      kind\n      postingDate\n      description\n      journalEntryId\n      createdAt\n      lines {\n        lineNo\n        product {\n          id\n          sku\n          name\n          nameEn\n          unit\n        }\n        warehouse {\n          id\n          code\n          name\n        }\n        location {\n          id\n          code\n        }\n        quantity\n        unitCost\n        value\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;