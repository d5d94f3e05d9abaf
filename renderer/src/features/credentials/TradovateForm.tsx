// The Tradovate login: user name and password, the API key (CID and secret, from Tradovate → Settings → API
// Access) and its app id, and where (demo, live, or custom URLs). The password and secret are cleared as soon as
// they are sent: they are never shown again.
import { SelectField } from '../../components/SelectField';
import { LoginField, UserNameField } from './LoginField';
import { LoginPanel, type LoginFormProps } from './LoginPanel';
import {
  DEFAULT_APP_ID,
  isTradovatePlace,
  TRADOVATE_PLACES,
  tradovateLogin,
  tradovateLoginComplete,
  type TradovateLoginFields,
} from './tradovate-login';
import { useLoginForm } from './use-login';

const SHOWN = ['userName', 'password', 'cid', 'secret', 'appId'];
const SHOWN_WITH_URLS = [...SHOWN, 'apiUrl', 'wsUrl', 'mdUrl'];
const EMPTY: TradovateLoginFields = {
  userName: '',
  password: '',
  cid: '',
  secret: '',
  appId: '',
  place: 'demo',
  apiUrl: '',
  wsUrl: '',
  mdUrl: '',
};

export function TradovateForm({ heading, reason, onSaved, onCancel }: LoginFormProps) {
  const { uid, fields, change, field, send, pending, errors } = useLoginForm(EMPTY, (f) =>
    f.place === 'custom' ? SHOWN_WITH_URLS : SHOWN,
  );

  const submit = async () => {
    const login = tradovateLogin(fields);
    change({ password: '', secret: '' });
    const answer = await send(login);
    if (answer.ok) onSaved?.();
  };

  return (
    <LoginPanel
      heading={heading}
      reason={reason}
      error={errors.other}
      note="Kept on this computer for Warden only; the password and secret are never shown again."
      complete={tradovateLoginComplete(fields)}
      pending={pending}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <UserNameField {...field('userName')} />
      <LoginField {...field('password')} label="Password" testId="credentials-password" kind="secret" />
      <LoginField {...field('cid')} label="CID" testId="credentials-cid" numeric />
      <LoginField {...field('secret')} label="Secret" testId="credentials-secret" kind="secret" />
      <p className="field-wide credentials-hint" data-testid="credentials-api-access">
        CID and secret come from Tradovate → Settings → API Access.
      </p>
      <LoginField
        {...field('appId')}
        label="App id"
        testId="credentials-app-id"
        placeholder={DEFAULT_APP_ID}
      />
      <SelectField
        id={`${uid}-env`}
        label="Environment"
        testId="credentials-env"
        value={fields.place}
        choices={TRADOVATE_PLACES}
        onChange={(place) => {
          if (isTradovatePlace(place)) change({ place });
        }}
      />
      {fields.place === 'custom' ? (
        <>
          <LoginField {...field('apiUrl')} label="REST URL" testId="credentials-api-url" kind="url" />
          <LoginField
            {...field('wsUrl')}
            label="User socket URL"
            testId="credentials-ws-url"
            kind="url"
            placeholder="wss://"
          />
          <LoginField
            {...field('mdUrl')}
            label="Market-data socket URL"
            testId="credentials-md-url"
            kind="url"
            placeholder="wss://"
          />
        </>
      ) : null}
    </LoginPanel>
  );
}
