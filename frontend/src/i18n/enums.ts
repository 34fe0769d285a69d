/**
 * The message-key prefix of each GraphQL enum's labels: the label of value V
 * of enum E is the message `${ENUM_LABEL_PREFIX[E]}.${V}` in zh.ts and en.ts,
 * read through enumLabel(t, 'E', v). enums.test.ts fails on an enum of the
 * schema that is neither here nor in ENUM_LABEL_EXEMPT, and on a value
 * without both labels.
 */
export const ENUM_LABEL_PREFIX: Record<string, string> = {
  VatInvoiceKind: 'vatKind',
};
