/**
 * What a handheld user hears and feels on a scan: a short high beep and a
 * short buzz when it counted, a low double beep and a longer double buzz
 * on an error. Silent where the device has no audio or vibration.
 */
let audio: AudioContext | null = null;

function tone(ctx: AudioContext, freq: number, start: number, length: number) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'square';
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(0.08, ctx.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + start + length);
  osc.connect(gain).connect(ctx.destination);
  osc.start(ctx.currentTime + start);
  osc.stop(ctx.currentTime + start + length);
}

export type Feedback = 'ok' | 'error';

export function scanFeedback(kind: Feedback): void {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Ctor) {
      audio ??= new Ctor();
      if (audio.state === 'suspended') void audio.resume().catch(() => {});
      if (kind === 'ok') tone(audio, 1760, 0, 0.08);
      else {
        tone(audio, 220, 0, 0.15);
        tone(audio, 180, 0.2, 0.25);
      }
    }
  } catch {
    // No sound on this device.
  }
  try {
    navigator.vibrate?.(kind === 'ok' ? 60 : [120, 60, 120]);
  } catch {
    // No vibration.
  }
}
