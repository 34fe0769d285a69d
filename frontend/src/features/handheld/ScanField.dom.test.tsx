import { describe, expect, it, vi } from 'vitest';
import { useCallback } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nProvider } from '../../i18n';
import { useDomForAntd } from '../../test/dom';
import { ScanField, cameraScanAvailable, type ScanAnswer } from './components/ScanField';
import { applyScan, type ScanLine } from './scan';
import { useCounts } from './useCounts';

useDomForAntd();

const lines: ScanLine[] = [
  { id: '1', sku: 'AP-FRG-420', barcodes: ['6900004120008'], target: '2' },
  { id: '2', sku: 'SA-PC-5', barcodes: ['6900004120138'], target: '1' },
];

/** A pick screen in miniature: the scan field counting up lines through applyScan. */
function Picker({ onCounts }: { onCounts: (c: string[]) => void }) {
  const { current, set: setCounts } = useCounts();
  const onScan = useCallback(
    (code: string): ScanAnswer => {
      const r = applyScan(lines, current(), code);
      if (r.kind === 'counted') {
        setCounts(r.counts);
        onCounts(r.counts);
        return { ok: true, message: `${lines[r.index].sku} ${r.counts[r.index]}` };
      }
      return { ok: false, message: r.kind === 'full' ? 'full' : `unknown ${code}` };
    },
    [current, setCounts, onCounts],
  );
  return (
    <I18nProvider>
      <ScanField onScan={onScan} placeholder="scan" />
    </I18nProvider>
  );
}

/** What a keyboard-wedge scanner does: the characters, then Enter. */
function wedge(input: HTMLElement, code: string) {
  fireEvent.change(input, { target: { value: code } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13, charCode: 13 });
  fireEvent.keyUp(input, { key: 'Enter', code: 'Enter', keyCode: 13, charCode: 13 });
}

describe('ScanField', () => {
  it('takes the focus, counts each Enter-terminated scan, clears itself and keeps the focus', async () => {
    const onCounts = vi.fn();
    render(<Picker onCounts={onCounts} />);
    const input = screen.getByTestId('hh-scan');
    await waitFor(() => expect(document.activeElement).toBe(input));

    wedge(input, ' 6900004120008\r');
    await waitFor(() => expect(onCounts).toHaveBeenLastCalledWith(['1', '0']));
    await waitFor(() => expect(screen.getByTestId('hh-scan-answer').getAttribute('data-result')).toBe('ok'));
    expect((input as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(input));

    wedge(input, 'sa-pc-5');
    await waitFor(() => expect(onCounts).toHaveBeenLastCalledWith(['1', '1']));
    // Two scans in a row, faster than a render: both count.
    wedge(input, '6900004120008');
    wedge(input, '6900004120008');
    await waitFor(() => expect(onCounts).toHaveBeenLastCalledWith(['2', '1']));
  });

  it('shows an error for an unknown code and counts nothing', async () => {
    const onCounts = vi.fn();
    render(<Picker onCounts={onCounts} />);
    const input = screen.getByTestId('hh-scan');
    wedge(input, '123456');
    await waitFor(() => expect(screen.getByTestId('hh-scan-error').textContent).toBe('unknown 123456'));
    expect(screen.getByTestId('hh-scan-answer').getAttribute('data-result')).toBe('error');
    expect(onCounts).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(input));
  });

  it('ignores an empty Enter and hides the camera without BarcodeDetector', async () => {
    const onScan = vi.fn(() => ({ ok: true }) as ScanAnswer);
    render(
      <I18nProvider>
        <ScanField onScan={onScan} placeholder="scan" />
      </I18nProvider>,
    );
    wedge(screen.getByTestId('hh-scan'), '   ');
    await new Promise((r) => setTimeout(r, 20));
    expect(onScan).not.toHaveBeenCalled();
    expect(cameraScanAvailable()).toBe(false);
    expect(screen.queryByTestId('hh-scan-camera')).toBeNull();
  });
});
