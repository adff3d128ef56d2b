import { act, api, say, t } from './common.js';

// The security console's suspensions: lift one, once its box confirms it, through the API.
for (const form of document.querySelectorAll('form.lift')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.querySelector('input[type="checkbox"]').checked) {
      say(t('js.confirmRequired'), true);
      return;
    }
    const principal = form.closest('[data-principal]').dataset.principal;
    act(async () => {
      await api('POST', '/api/v1/suspensions/' + encodeURIComponent(principal) + '/lift');
      window.location.reload();
    });
  });
}
