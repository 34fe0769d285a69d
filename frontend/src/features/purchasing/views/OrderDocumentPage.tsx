import { useParams } from 'react-router';
import { PurchaseOrderDrawer } from '../components/PurchaseOrderDrawer';

/** /purchasing/orders/:number — one purchase order with the actions its status allows, its receipts and invoices. */
export default function OrderDocumentPage() {
  const { number = '' } = useParams();
  return <PurchaseOrderDrawer id={null} number={number} asPage onClose={() => undefined} onChanged={() => undefined} />;
}
