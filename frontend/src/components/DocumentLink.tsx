import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { documentPath, type DocumentKind } from '../lib/documents';

/** A document's business number as a link to its detail page; plain text when it has no number. */
export function DocumentLink({ kind, number, children, testId }: { kind: DocumentKind; number: string | null | undefined; children?: ReactNode; testId?: string }) {
  const path = documentPath(kind, number);
  if (!path) return <>{children ?? number ?? ''}</>;
  return (
    <Link to={path} data-testid={testId ?? 'document-link'} onClick={(e) => e.stopPropagation()}>
      {children ?? number}
    </Link>
  );
}
