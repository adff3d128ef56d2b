import { act, api, say, t } from './common.js';

document.getElementById('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new URLSearchParams(new FormData(event.target));
  act(async () => {
    await api('POST', '/web/sessions', form);
    say(t('js.signedIn'));
    window.location.assign('/home');
  });
});
