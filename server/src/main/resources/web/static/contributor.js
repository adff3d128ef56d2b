import { act, api, fromTemplate, say, t } from './common.js';

async function showProjects() {
  const consents = await api('GET', '/api/v1/me/consents');
  const list = document.getElementById('projects');
  // The latest consent per project says whether it stands.
  const latest = new Map();
  for (const consent of consents) latest.set(consent.project, consent);
  for (const consent of latest.values()) {
    const row = fromTemplate('project-row', { 'project-name': consent.project, 'terms-version': consent.termsVersion });
    row.querySelector('.terms-link').href = '/contributor/projects/' + encodeURIComponent(consent.project);
    const record = row.querySelector('.record-link');
    if (consent.withdrawn) {
      record.remove();
      row.querySelector('.withdrawn-label').hidden = false;
    } else {
      record.href = '/contributor/projects/' + encodeURIComponent(consent.project) + '/record';
    }
    list.append(row);
  }
  document.getElementById('no-projects').hidden = latest.size > 0;
}

async function showEarnings() {
  const earnings = await api('GET', '/api/v1/me/earnings');
  const list = document.getElementById('earnings');
  for (const c of earnings.currencies) {
    for (const [label, amount, clips] of [
      [list.dataset.pending, c.pending, c.pendingClips],
      [list.dataset.paid, c.paid, c.paidClips],
    ]) {
      const term = document.createElement('dt');
      term.textContent = label;
      const value = document.createElement('dd');
      value.textContent = `${amount} ${c.currency} (${clips})`;
      list.append(term, value);
    }
  }
  document.getElementById('no-earnings').hidden = earnings.currencies.length > 0;
}

document.getElementById('open-project').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = document.getElementById('project-code').value.trim();
  window.location.assign('/contributor/projects/' + encodeURIComponent(code));
});

Promise.all([showProjects(), showEarnings()]).catch(() => say(t('js.loadFailed'), true));
