import { act, api, say, t } from './common.js';

document.getElementById('sign-up').addEventListener('submit', (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(event.target));
  act(async () => {
    await api('POST', '/api/v1/sign-up', data);
    say(t('js.accountCreated'));
    await api('POST', '/web/sessions', new URLSearchParams({ username: data.username, password: data.password }));
    window.location.assign('/home');
  });
});
