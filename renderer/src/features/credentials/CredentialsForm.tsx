// The ProjectX login: user name, API key (a password field, cleared once stored), and the gateway (TopstepX, the
// ProjectX demo, or custom URLs). Sends setCredentials; the core stores them and reconnects.
import { SelectField } from '../../components/SelectField';
import { CUSTOM, ENVIRONMENTS } from './environments';
import { LoginField, UserNameField } from './LoginField';
import { LoginPanel, type LoginFormProps } from './LoginPanel';
import { useLoginForm } from './use-login';

/** The known gateways by name, then custom URLs typed by hand. */
const environmentChoices = [
  ...ENVIRONMENTS.map((e) => ({ value: e.id, label: e.label })),
  { value: CUSTOM, label: 'Custom URLs' },
];
const EMPTY = {
  userName: '',
  apiKey: '',
  environment: ENVIRONMENTS[0]?.id ?? CUSTOM,
  apiUrl: '',
  rtcUrl: '',
};
const gatewayOf = (environment: string) => ENVIRONMENTS.find((e) => e.id === environment);

export function CredentialsForm({ heading, reason, onSaved, onCancel }: LoginFormProps) {
  const { uid, fields, change, field, send, pending, errors } = useLoginForm(EMPTY, (f) =>
    gatewayOf(f.environment) === undefined
      ? ['userName', 'apiKey', 'apiUrl', 'rtcUrl']
      : ['userName', 'apiKey'],
  );
  const chosen = gatewayOf(fields.environment);
  const urls = chosen ?? { apiUrl: fields.apiUrl.trim(), rtcUrl: fields.rtcUrl.trim() };
  const [userName, apiKey] = [fields.userName.trim(), fields.apiKey.trim()];
  const complete = [userName, apiKey, urls.apiUrl, urls.rtcUrl].every((v) => v !== '');

  const submit = async () => {
    const answer = await send({ userName, apiKey, apiUrl: urls.apiUrl, rtcUrl: urls.rtcUrl });
    if (answer.ok) {
      change({ apiKey: '' });
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
      <UserNameField {...field('userName')} />
      <LoginField {...field('apiKey')} label="API key" testId="credentials-key" kind="secret" />
      <SelectField
        id={`${uid}-env`}
        label="Firm / environment"
        testId="credentials-env"
        value={fields.environment}
        choices={environmentChoices}
        wide
        onChange={(environment) => {
          change({ environment });
        }}
      />
      {chosen === undefined ? (
        <>
          <LoginField {...field('apiUrl')} label="REST URL" testId="credentials-api-url" kind="url" />
          <LoginField {...field('rtcUrl')} label="Realtime URL" testId="credentials-rtc-url" kind="url" />
        </>
      ) : null}
    </LoginPanel>
  );
}
