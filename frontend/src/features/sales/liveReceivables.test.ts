import { describe, expect, it } from 'vitest';
import { applyBalance, fromBalances, subscribeReceivables } from './liveReceivables';
import { fakeWs as fakeWsOf } from '../../graphql/fakeWs';

describe('receivables state', () => {
  it('totals open and overdue balances exactly', () => {
    const s = fromBalances([
      { id: '1', openBalance: '100.10', overdueAmount: '0' },
      { id: '2', openBalance: '-3.05', overdueAmount: '1.01' },
    ]);
    expect(s.open.toFixed(2)).toBe('97.05');
    expect(s.overdue.toFixed(2)).toBe('1.01');
  });

  it('moves the totals by new minus old for the changed customer only', () => {
    let s = fromBalances([
      { id: '1', openBalance: '100.00', overdueAmount: '0' },
      { id: '2', openBalance: '50.00', overdueAmount: '50.00' },
    ]);
    s = applyBalance(s, { id: '1', openBalance: '1230.45', overdueAmount: '0' });
    expect(s.open.toFixed(2)).toBe('1280.45');
    s = applyBalance(s, { id: '1', openBalance: '100.00', overdueAmount: '0' });
    expect(s.open.toFixed(2)).toBe('150.00');
    // A customer the dashboard had not seen yet counts from zero.
    s = applyBalance(s, { id: '9', openBalance: '0.10', overdueAmount: '0.10' });
    expect(s.open.toFixed(2)).toBe('150.10');
    expect(s.overdue.toFixed(2)).toBe('50.10');
    expect(s.customers.size).toBe(3);
  });
});


const fakeWs = () => fakeWsOf<{ after: string | null }>();

describe('subscribeReceivables', () => {
  it('keeps the last seq in the variables a reconnect re-sends, and starts over after resync', () => {
    const ws = fakeWs();
    const seen: string[] = [];
    let resyncs = 0;
    subscribeReceivables(ws, null, { onChange: (c) => seen.push(`${c.customer?.id}:${c.openBalance}`), onResync: () => resyncs++ }, '7');
    expect(ws.subs[0].variables.after).toBe('7');
    ws.subs[0].sink.next({ data: { receivableChanged: { seq: '8', resync: false, customer: { id: '3', code: 'C3', name: 'c' }, openBalance: '10' } } });
    expect(ws.subs[0].variables.after).toBe('8');
    expect(seen).toEqual(['3:10']);
    ws.subs[0].sink.next({ data: { receivableChanged: { seq: '0', resync: true } } });
    ws.subs[0].sink.complete();
    expect(resyncs).toBe(1);
    expect(ws.subs).toHaveLength(2);
    expect(ws.subs[1].variables.after).toBeNull();
  });
});
