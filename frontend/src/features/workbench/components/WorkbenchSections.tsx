import { Link } from 'react-router';
import { Alert, Badge, Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import type { WorkbenchQuery as WorkbenchResult, WorkbenchSectionKey } from '../../../gql/graphql';
import { useWorkbench } from '../useWorkbench';
import { actionPath, linePath } from '../workbench';
import { Amount } from '../../../components/Amount';
import { formatQty } from '../../../lib/decimal';
import { formatDate } from '../../../lib/date';
import { useLocale, useT } from '../../../i18n';

type Section = WorkbenchResult['workbench']['sections'][number];
type Item = Section['items'][number];

function amountOf(it: Item): string | null | undefined {
  return it.customerAmount ?? it.supplierAmount ?? it.purchaseAmount;
}

function Line({ section, item }: { section: WorkbenchSectionKey; item: Item }) {
  const t = useT();
  const [locale] = useLocale();
  const path = linePath(item);
  const amount = amountOf(item);
  const who = [item.partner, item.title].filter(Boolean).join(' · ');
  return (
    <div data-testid={`wb-line-${section}-${item.number}`} style={{ display: 'flex', gap: 12, alignItems: 'flex-start', padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline' }}>
          <Typography.Text strong>{path ? <Link to={path}>{item.number}</Link> : item.number}</Typography.Text>
          {who && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: '100%' }}>
              {who}
            </Typography.Text>
          )}
        </div>
        <Typography.Text style={{ fontSize: 13 }}>{item.reason}</Typography.Text>
      </div>
      <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {amount ? <Amount value={amount} /> : item.quantity ? <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatQty(item.quantity)}</span> : null}
        {item.date && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(item.date, locale)}
            </Typography.Text>
          </div>
        )}
      </div>
      <Link to={actionPath(section, item)} data-testid={`wb-open-${section}-${item.number}`}>
        <Button size="small">{t('wb.open')}</Button>
      </Link>
    </div>
  );
}

function SectionCard({ section }: { section: Section }) {
  const t = useT();
  const more = section.count - section.items.length;
  return (
    <Card
      size="small"
      data-testid={`wb-section-${section.key}`}
      title={
        <span>
          {t(`wb.section.${section.key}`)}{' '}
          <Badge count={section.count} showZero color={section.count ? '#fa8c16' : '#d9d9d9'} data-testid={`wb-count-${section.key}`} />
        </span>
      }
      style={{ height: '100%' }}
    >
      {section.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wb.empty')} data-testid={`wb-empty-${section.key}`} />
      ) : (
        <div>
          {section.items.map((it) => (
            <Line key={`${it.kind}-${it.id}-${it.number}`} section={section.key} item={it} />
          ))}
          {more > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', paddingTop: 8 }}>
              {t('wb.more', { n: more })}
            </Typography.Text>
          )}
        </div>
      )}
    </Card>
  );
}

/** The workbench's sections (or only those listed in `only`), two columns on a wide screen. */
export function WorkbenchSections({ only, limit = 8 }: { only?: readonly WorkbenchSectionKey[]; limit?: number }) {
  const t = useT();
  const wb = useWorkbench(limit);
  if (wb.error && !wb.sections) return <Alert type="error" showIcon title={wb.error.message} />;
  if (!wb.sections) return <Skeleton active />;
  const sections = only ? wb.sections.filter((s) => only.includes(s.key)) : wb.sections;
  if (sections.length === 0) return <Empty description={t('wb.noSections')} />;
  return (
    <Row gutter={[16, 16]} data-testid="workbench">
      {sections.map((s) => (
        <Col xs={24} xl={12} key={s.key}>
          <SectionCard section={s} />
        </Col>
      ))}
    </Row>
  );
}
