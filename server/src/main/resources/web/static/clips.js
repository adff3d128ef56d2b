import { api, fromTemplate, say, t, tOr } from './common.js';

const when = (iso) => new Date(iso).toLocaleString(document.documentElement.lang);

async function showClips() {
  const clips = await api('GET', '/api/v1/me/clips');
  const body = document.querySelector('#clips tbody');
  for (const { clip } of clips) {
    const row = fromTemplate('clip-row', {
      received: when(clip.createdAt),
      project: clip.project,
      'prompt-number': String(clip.promptIndex + 1),
      duration: (clip.durationMillis / 1000).toFixed(1),
      state: clip.state.toLowerCase().replaceAll('_', ' '),
    });
    const link = row.querySelector('.receipt');
    link.href = '/api/v1/me/clips/' + encodeURIComponent(clip.id) + '/receipt';
    link.download = clip.id + '.receipt';
    body.append(row);
  }
  document.getElementById('no-clips').hidden = clips.length > 0;
}

async function showHistory() {
  const page = await api('GET', '/api/v1/me/history?limit=100');
  const body = document.querySelector('#history tbody');
  for (const item of page.items) {
    body.append(
      fromTemplate('history-row', {
        when: when(item.time),
        what: tOr('js.action.' + item.action, item.action.toLowerCase().replaceAll('_', ' ')),
        who: item.byYou
          ? t('js.you')
          : [tOr('js.role.' + item.actorRole, item.actorRole), item.organization?.name].filter(Boolean).join(', '),
        purpose: item.purpose ?? '',
        index: String(item.index),
      }),
    );
  }
  document.getElementById('no-history').hidden = page.items.length > 0;
}

Promise.all([showClips(), showHistory()]).catch(() => say(t('js.loadFailed'), true));
