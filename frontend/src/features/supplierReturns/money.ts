import { useCan, useCanRead } from '../../app/session';

/**
 * The supplier return queries' $money, $costs and $ledger for the signed-in
 * user: warehouse and purchasing staff see quantities, finance and managers
 * the money too.
 */
export function useReturnMoney() {
  const money = useCanRead('SUPPLIER_MONEY');
  const costs = useCanRead('MARGINS_AND_COSTS');
  const ledger = useCan(['MANAGER', 'FINANCE', 'ANALYST']);
  return { money, costs, ledger };
}
