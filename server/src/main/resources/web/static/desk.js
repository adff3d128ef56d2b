import { act, api, say, t } from './common.js';

const desk = document.getElementById('desk');
const project = desk.dataset.project;
const $ = (id) => document.getElementById(id);
const player = $('player');

let queue = [];
let current = null;
let listened = false;
let reviewed = 0;

async function loadQueue() {
  queue = await api('GET', `/api/v1/projects/${encodeURIComponent(project)}/review-queue?limit=20`);
  await showNext();
}

async function showNext() {
  if (player.src) URL.revokeObjectURL(player.src);
  player.removeAttribute('src');
  current = queue.shift() ?? null;
  $('item').hidden = current === null;
  $('queue-empty').hidden = current !== null;
  if (!current) return;
  listened = false;
  const q = current.quality;
  $('item-prompt').textContent = current.prompt;
  $('q-duration').textContent = (current.durationMillis / 1000).toFixed(1) + ' s';
  $('q-rms').textContent = q.rmsDbfs.toFixed(1) + ' dBFS';
  $('q-snr').textContent = q.snrDb.toFixed(1) + ' dB';
  $('q-silence').textContent = Math.round(q.silenceRatio * 100) + ' %';
  $('q-clipping').textContent = (q.clippingRatio * 100).toFixed(2) + ' %';
  // Fetched once through the custodian, which logs the opening for the purpose "review".
  const response = await fetch(`/api/v1/clips/${encodeURIComponent(current.clip)}/audio?purpose=review`, {
    credentials: 'same-origin',
  });
  if (!response.ok) {
    say(t('js.loadFailed'), true);
    return;
  }
  player.src = URL.createObjectURL(await response.blob());
  listened = true;
  player.focus();
}

function judge(verdict) {
  if (!current) return;
  if (!listened) {
    say(t('js.listenFirst'), true);
    return;
  }
  const body = { verdict };
  if (verdict === 'reject') body.reason = $('reason').value;
  const note = $('note').value.trim();
  if (note) body.note = note;
  act(async () => {
    await api('POST', `/api/v1/clips/${encodeURIComponent(current.clip)}/reviews`, body);
    reviewed += 1;
    $('progress').value = String(reviewed);
    $('note').value = '';
    say(t(verdict === 'accept' ? 'js.accepted' : 'js.rejected'));
    if (queue.length === 0) {
      await loadQueue();
    } else {
      await showNext();
    }
  });
}

$('accept').addEventListener('click', () => judge('accept'));
$('reject').addEventListener('click', () => judge('reject'));
document.addEventListener('keydown', (event) => {
  const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key.toLowerCase();
  if (key === 'p') player.paused ? player.play() : player.pause();
  else if (key === 'a') judge('accept');
  else if (key === 'r') judge('reject');
  else if (key === 'n') act(showNext);
  else return;
  event.preventDefault();
});

loadQueue().catch(() => say(t('js.loadFailed'), true));
