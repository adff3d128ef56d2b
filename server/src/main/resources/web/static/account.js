import { act, api, say, t } from './common.js';

/** A destructive form: runs only once its confirmation box is ticked, and says what happened. */
function destructive(formId, confirmId, action, done) {
  document.getElementById(formId).addEventListener('submit', (event) => {
    event.preventDefault();
    if (!document.getElementById(confirmId).checked) {
      say(t('js.confirmRequired'), true);
      return;
    }
    act(async () => {
      await action();
      say(t(done));
    });
  });
}

destructive(
  'withdraw-project',
  'withdraw-confirm',
  () => api('POST', '/api/v1/me/consents/' + encodeURIComponent(document.getElementById('withdraw-code').value.trim()) + '/withdraw'),
  'js.withdrawn',
);
destructive('withdraw-all', 'withdraw-all-confirm', () => api('POST', '/api/v1/me/withdraw'), 'js.withdrawn');
destructive(
  'delete-account',
  'delete-confirm',
  async () => {
    await api('DELETE', '/api/v1/me', { password: document.getElementById('delete-password').value });
    window.location.assign('/');
  },
  'js.deleted',
);
