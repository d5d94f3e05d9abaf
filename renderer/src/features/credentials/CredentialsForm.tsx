// The ProjectX login: user name, API key (a password field, cleared once sent), and the gateway (TopstepX, the
// ProjectX demo, or custom URLs). Sends setCredentials; the core stores them and reconnects.
import { useId, useState } from 'react';
import { useCommand } from '../../lib/use-command';
import { CUSTOM, ENVIRONMENTS } from './environments';
import { SelectField } from '../../components/SelectField';

type Props = {
  /** Why the form is shown: no credentials yet, or the gateway refused them (with its reason). */
  heading: string;
  reason: string | null;
  onSaved?: () => void;
  onCancel?: () => void;
};

/** The known gateways by name, then custom URLs typed by hand. */
const environmentChoices = [
  ...ENVIRONMENTS.map((e) => ({ value: e.id, label: e.label })),
  { value: CUSTOM, label: 'Custom URLs' },
];

export function CredentialsForm({ heading, reason, onSaved, onCancel }: Props) {
  const uid = useId();
  const [userName, setUserName] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [environment, setEnvironment] = useState<string>(ENVIRONMENTS[0]?.id ?? CUSTOM);
  const [apiUrl, setApiUrl] = useState('');
  const [rtcUrl, setRtcUrl] = useState('');
  const [setCredentials, { pending, error }] = useCommand('setCredentials');
  const chosen = ENVIRONMENTS.find((e) => e.id === environment);
  const urls = chosen === undefined ? { apiUrl: apiUrl.trim(), rtcUrl: rtcUrl.trim() } : chosen;
  const complete = userName.trim() !== '' && apiKey.trim() !== '' && urls.apiUrl !== '' && urls.rtcUrl !== '';

  const submit = async () => {
    if (!complete || pending) return;
    const answer = await setCredentials({
      userName: userName.trim(),
      apiKey: apiKey.trim(),
      apiUrl: urls.apiUrl,
      rtcUrl: urls.rtcUrl,
    });
    if (answer.ok) {
      setApiKey('');
      onSaved?.();
    }
  };

  return (
    <section className="panel credentials" data-testid="credentials-form" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="panel-title">
        {heading}
      </h2>
      {reason !== null ? (
        <p className="inline-error" data-testid="credentials-reason">
          {reason}
        </p>
      ) : null}
      <form
        className="ticket-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={`${uid}-user`}>User name</label>
          <input
            id={`${uid}-user`}
            type="text"
            autoComplete="username"
            spellCheck={false}
            data-testid="credentials-user"
            value={userName}
            onChange={(event) => {
              setUserName(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-key`}>API key</label>
          <input
            id={`${uid}-key`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            data-testid="credentials-key"
            value={apiKey}
            onChange={(event) => {
              setApiKey(event.target.value);
            }}
          />
        </div>
        <SelectField
          id={`${uid}-env`}
          label="Firm / environment"
          testId="credentials-env"
          value={environment}
          choices={environmentChoices}
          wide
          onChange={setEnvironment}
        />
        {chosen === undefined ? (
          <>
            <UrlField
              id={`${uid}-api`}
              label="REST URL"
              testId="credentials-api-url"
              value={apiUrl}
              set={setApiUrl}
            />
            <UrlField
              id={`${uid}-rtc`}
              label="Realtime URL"
              testId="credentials-rtc-url"
              value={rtcUrl}
              set={setRtcUrl}
            />
          </>
        ) : null}
        <div className="ticket-actions">
          <button
            type="submit"
            className="btn"
            data-testid="credentials-submit"
            disabled={!complete || pending}
          >
            {pending ? 'Connecting…' : 'Save and connect'}
          </button>
          {onCancel !== undefined ? (
            <button type="button" className="btn" data-testid="credentials-cancel" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
      {error !== null ? (
        <p className="inline-error" role="alert" data-testid="credentials-error">
          {error}
        </p>
      ) : null}
      <p className="credentials-note">Kept on this computer for Warden only; the key is never shown again.</p>
    </section>
  );
}

function UrlField(props: {
  id: string;
  label: string;
  testId: string;
  value: string;
  set: (v: string) => void;
}) {
  return (
    <div className="field field-wide">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        data-testid={props.testId}
        value={props.value}
        onChange={(event) => {
          props.set(event.target.value);
        }}
      />
    </div>
  );
}
