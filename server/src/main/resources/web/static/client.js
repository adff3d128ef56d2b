import { act, api, say, t } from './common.js';

// The client console: create a project with prompts from a file chosen here, publish the next
// consent terms, suspend or revoke a grant. Each acts through the API with the CSRF token.

const create = document.getElementById('create-project');
if (create) {
  create.addEventListener('submit', (event) => {
    event.preventDefault();
    const field = (name) => create.elements[name].value.trim();
    const file = create.elements.prompts.files[0];
    if (!file) {
      say(t('js.chooseFile'), true);
      return;
    }
    act(async () => {
      const text = await file.text();
      const csv = file.name.toLowerCase().endsWith('.csv');
      const body = {
        name: field('name'),
        language: field('language'),
        targetClips: Number(field('targetClips')),
        retentionDays: Number(field('retentionDays')),
        consentTermsVersion: 1,
        payPerAcceptedClip: field('payPerAcceptedClip'),
        currency: field('currency'),
        purposesAllowed: [field('purpose')],
        [csv ? 'promptsCsv' : 'promptsText']: text,
      };
      const project = await api('POST', '/api/v1/organizations/' + encodeURIComponent(create.dataset.organization) + '/projects', body);
      window.location.assign('/client/projects/' + encodeURIComponent(project.id));
    });
  });
}

const terms = document.getElementById('publish-terms');
if (terms) {
  terms.addEventListener('submit', (event) => {
    event.preventDefault();
    const recipients = terms.elements.recipients.value.split(',').map((r) => r.trim()).filter((r) => r);
    act(async () => {
      const published = await api('POST', '/api/v1/projects/' + encodeURIComponent(terms.dataset.project) + '/terms', {
        text: terms.elements.text.value,
        recipients,
      });
      say(t('js.termsPublished', published.version));
      terms.reset();
    });
  });
}

for (const form of document.querySelectorAll('form.end-grant')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const action = event.submitter?.value;
    if (!form.querySelector('input[type="checkbox"]').checked) {
      say(t('js.confirmRequired'), true);
      return;
    }
    const grant = form.closest('[data-grant]').dataset.grant;
    act(async () => {
      await api('POST', '/api/v1/grants/' + encodeURIComponent(grant) + '/' + (action === 'suspend' ? 'suspend' : 'revoke'));
      window.location.reload();
    });
  });
}
