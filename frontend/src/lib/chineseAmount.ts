import Big from 'big.js';
import { dec } from './decimal';

// The amount in Chinese capital numerals (大写金额) as vouchers, cheques and
// invoices write it: 12345.67 -> 壹万贰仟叁佰肆拾伍元陆角柒分. The rules of the
// People's Bank's 《正确填写票据和结算凭证的基本规定》: 整 after 元 when
// there are no 角 and 分, none after 角 or 分; one 零 for a run of zeros
// inside the number (100010.01 -> 壹拾万零壹拾元零壹分); 零 between 元 and 分
// when 角 is 0; 负 in front of a negative amount.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** The integer part (digits, no sign) in capital numerals; '' for 0. */
function integerPart(digits: string): string {
  let out = '';
  let zero = false; // a zero waits to be written before the next digit
  let groupHasDigit = false;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const pos = n - 1 - i; // place from the right
    const d = digits.charCodeAt(i) - 48;
    if (d === 0) {
      if (out !== '') zero = true;
    } else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d] + IN_GROUP[pos % 4];
      groupHasDigit = true;
    }
    if (pos % 4 === 0) {
      // The group's unit absorbs its trailing zeros: 壹拾万壹仟, not 壹拾万零壹仟.
      if (groupHasDigit) {
        out += GROUPS[pos / 4] ?? '';
        zero = false;
      }
      groupHasDigit = false;
    }
  }
  return out;
}

/** The amount in Chinese capital numerals (大写), rounded half-up to 分. */
export function chineseAmount(v: string | Big | null | undefined): string {
  const b = (v instanceof Big ? v : dec(v)).round(2, Big.roundHalfUp);
  const fixed = b.abs().toFixed(2);
  const [intDigits, frac] = fixed.split('.');
  const jiao = frac.charCodeAt(0) - 48;
  const fen = frac.charCodeAt(1) - 48;
  const yuan = integerPart(intDigits.replace(/^0+(?=\d)/, ''));
  if (yuan === '' && jiao === 0 && fen === 0) return '零元整';
  let out = yuan === '' ? '' : yuan + '元';
  if (jiao === 0 && fen === 0) return (b.lt(0) ? '负' : '') + out + '整';
  if (jiao !== 0) out += DIGITS[jiao] + '角';
  else if (yuan !== '') out += '零';
  if (fen !== 0) out += DIGITS[fen] + '分';
  return (b.lt(0) ? '负' : '') + out;
}
