import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Card, Descriptions, Empty, Table } from 'antd';
import type { BinMoveQuery as Result } from '../../../gql/graphql';
import { BinMoveQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';

type Line = NonNullable<Result['binMove']>['lines'][number];

/** A bin move (移库) by its number: its warehouse, date and lines, from bin to bin. */
export default function BinMovePage() {
  const t = useT();
  const localName = useLocalName();
  const { number } = useParams();
  const [{ data, fetching }] = useQuery({ query: BinMoveQuery, variables: { number } });
  const m = data?.binMove;
  if (!fetching && !m) return <Empty data-testid="binmove-missing" />;
  return (
    <Card loading={fetching} title={m ? `${t('source.BIN_MOVE')} ${m.number}` : undefined} data-testid="binmove-page">
      {m && (
        <>
          <Descriptions size="small" column={3} items={[
            { key: 'wh', label: t('stock.warehouse'), children: `${m.warehouse.code} ${m.warehouse.name}` },
            { key: 'date', label: t('common.postingDate'), children: m.postingDate },
            { key: 'note', label: t('common.description'), children: m.note || '—' },
          ]} />
          <Table<Line>
            rowKey="lineNo"
            pagination={false}
            dataSource={m.lines}
            columns={[
              { key: 'product', title: t('stock.product'), render: (_, l) => `${l.product.sku} ${localName(l.product)}` },
              { key: 'from', title: t('bins.bin'), render: (_, l) => `${l.fromLocation?.code ?? t('bins.notPutAway')} → ${l.toLocation.code}` },
              { key: 'qty', title: t('stock.quantity'), align: 'right', render: (_, l) => `${formatQty(l.quantity)} ${l.product.unit}` },
              { key: 'value', title: t('stock.value'), align: 'right', render: (_, l) => <Amount value={l.value} /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}
