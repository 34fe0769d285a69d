import { describe, expect, it } from 'vitest';
import { subscribeAlerts, type AlertRow } from './liveAlerts';
import { fakeWs as fakeWsOf } from '../../graphql/fakeWs';

const fakeWs = () => fakeWsOf<{ after: string | null; kinds: string[] | null; mine: boolean }>();

const alert = (id: string): AlertRow => ({ id, kind: 'LOW_STOCK', subject: 'product:1/warehouse:1', message: 'low', ownerId: null, createdAt: '2026-11-23T08:00:00Z', acknowledged: false, acknowledgedAt: null });

describe('subscribeAlerts', () => {
  it('keeps the last seq for reconnects and passes kinds and mine', () => {
    const ws = fakeWs();
    const got: string[] = [];
    subscribeAlerts(ws, { kinds: ['BUDGET_80'], mine: true }, { onAlert: (a, seq) => got.push(`${a.id}@${seq}`), onResync: () => {} }, '7');
    expect(ws.subs[0].variables).toEqual({ kinds: ['BUDGET_80'], mine: true, after: '7' });
    ws.subs[0].sink.next({ data: { alertRaised: { seq: '8', resync: false, alert: alert('1') } } });
    ws.subs[0].sink.next({ data: { alertRaised: { seq: '9', resync: false, alert: alert('2') } } });
    expect(got).toEqual(['1@8', '2@9']);
    expect(ws.subs[0].variables.after).toBe('9');
  });

  it('on resync asks for a reload and subscribes again from now', () => {
    const ws = fakeWs();
    let resyncs = 0;
    subscribeAlerts(ws, {}, { onAlert: () => {}, onResync: () => resyncs++ }, '3');
    ws.subs[0].sink.next({ data: { alertRaised: { seq: '0', resync: true, alert: null } } });
    ws.subs[0].sink.complete();
    expect(resyncs).toBe(1);
    expect(ws.subs).toHaveLength(2);
    expect(ws.subs[1].variables).toEqual({ kinds: null, mine: false, after: null });
  });

  it('stops cleanly', () => {
    const ws = fakeWs();
    const got: string[] = [];
    const stop = subscribeAlerts(ws, {}, { onAlert: (a) => got.push(a.id), onResync: () => {} });
    stop();
    ws.subs[0].sink.next({ data: { alertRaised: { seq: '1', resync: false, alert: alert('1') } } });
    expect(got).toEqual([]);
  });
});
