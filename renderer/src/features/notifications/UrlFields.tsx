// ntfy's and the webhook's own fields: the URL they post to (in the config) and their secret (stored apart).
import { useId, type ReactNode } from 'react';
import { Field } from '../rules/Field';
import { notifyErrorAt, notifyPath, withKey, type UrlBlock } from './notify-draft';
import { SecretField } from './SecretField';

type UrlFieldsProps = {
  channel: 'ntfy' | 'webhook';
  block: UrlBlock;
  errors: readonly string[];
  /** The channel's minimum level, beside its secret. */
  level: ReactNode;
  onChange: (block: UrlBlock) => void;
};

const words = {
  ntfy: {
    url: 'Topic URL',
    placeholder: 'https://ntfy.sh/my-topic',
    secret: 'Access token (optional)',
    secretName: 'ntfyToken',
    hint: 'Only for a protected topic.',
  },
  webhook: {
    url: 'URL',
    placeholder: 'https://example.com/warden',
    secret: 'Signing secret',
    secretName: 'webhookSecret',
    hint: 'Each request is signed with it, so the receiver can tell it came from Warden.',
  },
} as const;

export function UrlFields({ channel, block, errors, level, onChange }: UrlFieldsProps) {
  const id = useId();
  const said = words[channel];
  return (
    <>
      <div className="field-wide">
        <Field
          id={`${id}-url`}
          testId={`notify-${channel}-url`}
          label={said.url}
          kind="text"
          value={block.url ?? ''}
          placeholder={said.placeholder}
          error={notifyErrorAt(errors, notifyPath(channel, 'url'))}
          onChange={(text) => {
            onChange(withKey(block, 'url', text.trim()));
          }}
        />
      </div>
      <SecretField
        name={said.secretName}
        label={said.secret}
        testId={`notify-${channel}-secret`}
        hint={said.hint}
      />
      {level}
    </>
  );
}
