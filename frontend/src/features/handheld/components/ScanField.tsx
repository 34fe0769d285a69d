import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Button, Input, Modal, Typography, type InputRef } from 'antd';
import { CameraOutlined, ScanOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { normalizeCode } from '../scan';
import { scanFeedback } from '../feedback';

/** What a scan handler says back: ok (counted, found) or an error message shown under the field. */
/** leaveFocus: the screen moves the focus on (to a quantity) instead of back to the scan field. */
export type ScanAnswer = { ok: true; message?: string; leaveFocus?: boolean } | { ok: false; message: string };

export interface ScanFieldHandle {
  focus: () => void;
}

interface Props {
  /** Called with the code of each scan (a wedge scanner's Enter, a typed Enter, or the camera). */
  onScan: (code: string) => ScanAnswer | Promise<ScanAnswer>;
  placeholder: string;
  disabled?: boolean;
  testId?: string;
}

/** Whether this browser can read barcodes from the camera (BarcodeDetector, Chromium on Android). */
export function cameraScanAvailable(): boolean {
  return typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;
}

/**
 * The scan field of a handheld screen: big, focused on arrival and again
 * after every scan, so that a keyboard-wedge scanner (which types the code
 * and Enter) works without touching the screen. A camera button reads a
 * barcode where the device can. Each scan beeps and buzzes, differently on
 * an error, and its answer shows under the field.
 */
export const ScanField = forwardRef<ScanFieldHandle, Props>(function ScanField({ onScan, placeholder, disabled, testId = 'hh-scan' }, ref) {
  const t = useT();
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ScanAnswer>();
  const [camera, setCamera] = useState(false);
  // The latest handler: a scan right after another one must see the state the first one left.
  const handler = useRef(onScan);
  handler.current = onScan;
  const focus = useCallback(() => {
    // After React has re-rendered (a disabled field cannot take focus).
    setTimeout(() => input.current?.focus({ preventScroll: true }), 0);
  }, []);
  useImperativeHandle(ref, () => ({ focus }), [focus]);

  useEffect(() => {
    if (!disabled) focus();
  }, [disabled, focus]);

  const submit = useCallback(
    async (raw: string) => {
      const code = normalizeCode(raw);
      setValue('');
      if (!code) return focus();
      setBusy(true);
      let refocus = true;
      try {
        const a = await handler.current(code);
        setAnswer(a);
        scanFeedback(a.ok ? 'ok' : 'error');
        refocus = !(a.ok && a.leaveFocus);
      } catch (e) {
        setAnswer({ ok: false, message: e instanceof Error ? e.message : String(e) });
        scanFeedback('error');
      } finally {
        setBusy(false);
        if (refocus) focus();
      }
    },
    [focus],
  );

  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ display: 'flex', gap: 8 }}>
        <Input
          ref={input}
          size="large"
          prefix={<ScanOutlined />}
          placeholder={placeholder}
          value={value}
          disabled={disabled}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={() => void submit(value)}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="done"
          inputMode="text"
          style={{ height: 52, fontSize: 18 }}
          data-testid={testId}
        />
        {cameraScanAvailable() && (
          <Button size="large" icon={<CameraOutlined />} disabled={disabled} onClick={() => setCamera(true)} aria-label={t('hh.camera')} style={{ height: 52, width: 52, flex: 'none' }} data-testid={`${testId}-camera`} />
        )}
      </div>
      <div style={{ minHeight: 24, marginTop: 4 }} data-testid={`${testId}-answer`} data-result={answer ? (answer.ok ? 'ok' : 'error') : ''} data-busy={busy ? 'true' : 'false'} aria-live="polite">
        {answer && answer.message && (
          <Typography.Text type={answer.ok ? 'success' : 'danger'} strong style={{ fontSize: 16 }} data-testid={answer.ok ? undefined : `${testId}-error`}>
            {answer.message}
          </Typography.Text>
        )}
      </div>
      {camera && (
        <CameraScanner
          onClose={() => {
            setCamera(false);
            focus();
          }}
          onCode={(code) => {
            setCamera(false);
            void submit(code);
          }}
        />
      )}
    </div>
  );
});

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorCtor = new (opts?: { formats?: string[] }) => Detector;

/** The camera as a scanner: the back camera's picture, read a few times a second until a barcode is found. */
function CameraScanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const Ctor = (window as unknown as { BarcodeDetector: DetectorCtor }).BarcodeDetector;
    const detector = new Ctor();
    async function tick() {
      if (stopped || !video.current) return;
      try {
        const found = await detector.detect(video.current);
        const code = found.find((f) => f.rawValue)?.rawValue;
        if (code && !stopped) return onCode(code);
      } catch {
        // A frame that could not be read: try the next one.
      }
      timer = setTimeout(() => void tick(), 250);
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        void tick();
      })
      .catch(() => setError(t('hh.cameraDenied')));
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [onCode, t]);

  return (
    <Modal open onCancel={onClose} footer={null} title={t('hh.cameraTitle')} destroyOnHidden data-testid="hh-camera">
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} />}
    </Modal>
  );
}
