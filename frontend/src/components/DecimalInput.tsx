import { Input, type InputProps } from 'antd';

/**
 * A text input for a Decimal: the value stays the string typed (no float
 * round trip, unlike InputNumber); right-aligned, numeric keyboard.
 */
export function DecimalInput(props: InputProps) {
  return <Input inputMode="decimal" autoComplete="off" style={{ textAlign: 'right', ...props.style }} {...props} />;
}

/** An antd Form rule: empty, or a plain decimal with at most `dp` decimals. */
export function decimalRule(message: string, dp = 2) {
  const re = new RegExp(`^-?\\d+(\\.\\d{1,${dp}})?$`);
  return {
    validator: (_: unknown, v: string | undefined) => (!v || re.test(String(v).trim()) ? Promise.resolve() : Promise.reject(new Error(message))),
  };
}
