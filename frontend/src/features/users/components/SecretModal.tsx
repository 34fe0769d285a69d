import { useState } from 'react';
import { Alert, Button, Input, Modal, Space } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';

/** Shows a new token's secret once, with a copy button. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
    } catch {
      // Clipboard needs a secure context; fall back to selecting the text.
      const el = document.querySelector<HTMLInputElement>('[data-testid="token-secret"]');
      el?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
  }

  return (
    <Modal
      open={!!secret}
      title={t('tokens.secretTitle')}
      onCancel={onClose}
      afterOpenChange={(open) => !open && setCopied(false)}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-done">
          {t('tokens.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('tokens.secretOnce')} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={secret ?? ''} data-testid="token-secret" style={{ fontFamily: 'monospace' }} />
        <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={copy} data-testid="token-copy">
          {copied ? t('tokens.copied') : t('tokens.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
