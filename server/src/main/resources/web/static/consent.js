import { act, api, say, t } from './common.js';

const form = document.getElementById('consent');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  act(async () => {
    const answer = await api('POST', '/api/v1/me/consents', {
      project: form.dataset.project,
      termsVersion: Number(form.dataset.version),
      termsSha256: form.dataset.sha256,
      typedName: document.getElementById('typed-name').value,
      agreed: document.getElementById('agreed').checked,
    });
    const receipt = new Blob([answer.receipt], { type: 'text/plain' });
    document.getElementById('consent-receipt').href = URL.createObjectURL(receipt);
    form.hidden = true;
    document.getElementById('consent-done').hidden = false;
    say(t('js.consentGiven'));
  });
});
