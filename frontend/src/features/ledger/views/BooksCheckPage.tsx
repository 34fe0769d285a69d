import { useQuery } from 'urql';
import { Alert, Button, Card, Collapse, Descriptions, Result, Table } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { BooksCheckQuery as BCResult } from '../../../gql/graphql';
import { BooksCheckQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { enumLabel, useT } from '../../../i18n';
import { formatDateTime } from '../../../lib/date';

type Violation = BCResult['booksCheck']['violations'][number];

export default function BooksCheckPage() {
  const t = useT();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BooksCheckQuery, requestPolicy: 'network-only' });
  const bc = data?.booksCheck;
  const figures = bc && (
    <Descriptions column={1} size="small" bordered style={{ maxWidth: 560, margin: '0 auto' }}>
      <Descriptions.Item label={t('books.inventoryAccount')}>
        <Amount value={bc.inventoryAccountBalance} />
      </Descriptions.Item>
      <Descriptions.Item label={t('books.stockValue')}>
        <Amount value={bc.stockValue} />
      </Descriptions.Item>
      <Descriptions.Item label={t('books.inventoryDifference')}>
        <Amount value={bc.inventoryDifference} strong testId="books-inventory-difference" />
      </Descriptions.Item>
      <Descriptions.Item label={t('books.checkedAt')}>{formatDateTime(bc.checkedAt)}</Descriptions.Item>
    </Descriptions>
  );
  return (
    <Card
      extra={
        <Button icon={<ReloadOutlined />} loading={fetching} onClick={() => reexecute({ requestPolicy: 'network-only' })} data-testid="books-recheck">
          {t('books.recheck')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {bc?.ok && <Result status="success" title={t('books.ok')} subTitle={t('books.okDetail')} extra={figures} data-testid="books-ok" />}
      {bc && !bc.ok && (
        <>
          <Result status="error" title={t('books.broken', { n: bc.violations.length })} extra={figures} data-testid="books-broken" />
          <Collapse
            items={bc.violations.map((v: Violation, i) => ({
              key: i,
              label: `${enumLabel(t, 'booksRule', v.rule)} — ${v.message}`,
              children: (
                <Table
                  size="small"
                  rowKey={(r) => `${r.table}:${r.key}`}
                  pagination={false}
                  dataSource={v.rows}
                  columns={[
                    { title: t('books.table'), dataIndex: 'table' },
                    { title: t('books.key'), dataIndex: 'key' },
                    { title: t('books.detail'), dataIndex: 'detail' },
                  ]}
                />
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}
