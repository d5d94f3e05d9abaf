// The ProjectX login: user name, API key (a password field, cleared once stored), and the gateway (TopstepX, the
// ProjectX demo, or custom URLs). Sends setCredentials; the core stores them and reconnects.
import { useId, useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { CUSTOM, ENVIRONMENTS } from './environments';
import { LoginField } from './LoginField';
import { LoginPanel, type LoginFormProps } from './LoginPanel';
import { useLogin } from './use-login';

/** The known gateways by name, then custom URLs typed by hand. */
const environmentChoices = [
  ...ENVIRONMENTS.map((e) => ({ value: e.id, label: e.label })),
  { value: CUSTOM, label: 'Custom URLs' },
];

export function CredentialsForm({ heading, reason, onSaved, onCancel }: LoginFormProps) {
  const uid = useId();
  const [userName, setUserName] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [environment, setEnvironment] = useState<string>(ENVIRONMENTS[0]?.id ?? CUSTOM);
  const [apiUrl, setApiUrl] = useState('');
  const [rtcUrl, setRtcUrl] = useState('');
  const chosen = ENVIRONMENTS.find((e) => e.id === environment);
  const { send, pending, errors } = useLogin(
    chosen === undefined ? ['userName', 'apiKey', 'apiUrl', 'rtcUrl'] : ['userName', 'apiKey'],
  );
  const urls = chosen === undefined ? { apiUrl: apiUrl.trim(), rtcUrl: rtcUrl.trim() } : chosen;
  const complete = userName.trim() !== '' && apiKey.trim() !== '' && urls.apiUrl !== '' && urls.rtcUrl !== '';

  const submit = async () => {
    const answer = await send({
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
    <LoginPanel
      heading={heading}
      reason={reason}
      error={errors.other}
      note="Kept on this computer for Warden only; the key is never shown again."
      complete={complete}
      pending={pending}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <LoginField
        id={`${uid}-user`}
        label="User name"
        testId="credentials-user"
        autoComplete="username"
        value={userName}
        set={setUserName}
        error={errors.byField.userName}
      />
      <LoginField
        id={`${uid}-key`}
        label="API key"
        testId="credentials-key"
        kind="secret"
        value={apiKey}
        set={setApiKey}
        error={errors.byField.apiKey}
      />
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
          <LoginField
            id={`${uid}-api`}
            label="REST URL"
            testId="credentials-api-url"
            kind="url"
            value={apiUrl}
            set={setApiUrl}
            error={errors.byField.apiUrl}
          />
          <LoginField
            id={`${uid}-rtc`}
            label="Realtime URL"
            testId="credentials-rtc-url"
            kind="url"
            value={rtcUrl}
            set={setRtcUrl}
            error={errors.byField.rtcUrl}
          />
        </>
      ) : null}
    </LoginPanel>
  );
}
