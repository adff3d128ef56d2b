import { act, api, say, t } from './common.js';
import { encodeWav, join, resample } from './wav.js';

const MAX_RATE = 48000;
// The quality gate refuses under -45 dBFS; warn a little above it, on the loudest block of a second.
const QUIET_RMS = 10 ** (-40 / 20);
const LOUD_PEAK = 0.99;

const root = document.getElementById('recorder');
const project = root.dataset.project;
const prompts = [...document.querySelectorAll('#prompts li')].map((li) => li.textContent);
const $ = (id) => document.getElementById(id);

let context;
let index = 0;
let recording = false;
let blocks = [];
let recentRms = [];
let take = null;

function showPrompt() {
  $('sent').hidden = true;
  if (index >= prompts.length) {
    $('take').hidden = true;
    $('all-done').hidden = false;
    return;
  }
  $('prompt-label').textContent = $('prompt-label').dataset.template.replace('{0}', index + 1).replace('{1}', prompts.length);
  $('prompt-text').textContent = prompts[index];
  discardTake();
  $('take').hidden = false;
}

function discardTake() {
  if (take) URL.revokeObjectURL($('playback').src);
  take = null;
  $('review-take').hidden = true;
  $('elapsed').textContent = '';
  $('elapsed').dataset.seconds = '0';
}

function onBlock(block) {
  let peak = 0;
  let sum = 0;
  for (const s of block) {
    peak = Math.max(peak, Math.abs(s));
    sum += s * s;
  }
  const rms = Math.sqrt(sum / block.length);
  // The meter shows -60 to 0 dBFS: speech at a good distance sits in its upper half.
  $('level').value = Math.max(0, Math.min(1, (20 * Math.log10(rms + 1e-9) + 60) / 60));
  if (!recording) return;
  blocks.push(block);
  recentRms.push(rms);
  const perSecond = Math.ceil(context.sampleRate / block.length);
  if (recentRms.length > perSecond) recentRms.shift();
  const seconds = (blocks.length * block.length) / context.sampleRate;
  $('elapsed').textContent = t('js.recording', seconds.toFixed(1));
  $('elapsed').dataset.seconds = seconds.toFixed(2);
  if (peak >= LOUD_PEAK) {
    $('hint').textContent = t('js.tooLoud');
  } else if (recentRms.length === perSecond && Math.max(...recentRms) < QUIET_RMS) {
    $('hint').textContent = t('js.tooQuiet');
  } else {
    $('hint').textContent = t('js.good');
  }
}

async function startMicrophone() {
  if (!navigator.mediaDevices?.getUserMedia || !window.AudioWorkletNode) {
    say(t('js.noMic'), true);
    return;
  }
  let stream;
  try {
    // The raw signal: the quality gate judges what the microphone heard, not a filtered version.
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
    });
  } catch {
    say(t('js.micDenied'), true);
    return;
  }
  context = new AudioContext();
  await context.audioWorklet.addModule('/static/recorder-worklet.js');
  const recorder = new AudioWorkletNode(context, 'recorder');
  recorder.port.onmessage = (event) => onBlock(event.data);
  context.createMediaStreamSource(stream).connect(recorder);
  $('mic-start').hidden = true;
  $('mic-panel').hidden = false;
  say('');
  showPrompt();
  $('record-start').focus();
}

function startTake() {
  discardTake();
  blocks = [];
  recentRms = [];
  recording = true;
  $('record-start').disabled = true;
  $('record-stop').disabled = false;
  $('record-stop').focus();
}

function stopTake() {
  recording = false;
  $('record-start').disabled = false;
  $('record-stop').disabled = true;
  const rate = Math.min(context.sampleRate, MAX_RATE);
  const samples = resample(join(blocks), context.sampleRate, rate);
  // One key per take, kept with it: sending the same take again can never make a second clip.
  take = { wav: encodeWav(samples, rate), key: crypto.randomUUID(), seconds: samples.length / rate };
  $('playback').src = URL.createObjectURL(take.wav);
  $('review-take').hidden = false;
  $('hint').textContent = '';
  $('submit').focus();
}

async function submitTake() {
  const answer = await api('POST', `/api/v1/projects/${encodeURIComponent(project)}/clips?prompt=${index}`, take.wav, {
    'Content-Type': 'audio/wav',
    'Idempotency-Key': take.key,
  });
  const seconds = (answer.clip.durationMillis / 1000).toFixed(2);
  $('sent-receipt').href = URL.createObjectURL(new Blob([answer.receipt], { type: 'text/plain' }));
  $('sent-receipt').download = answer.clip.id + '.receipt';
  $('sent-text').textContent = $('sent-text').dataset.template.replace('{0}', seconds);
  $('sent-text').dataset.clip = answer.clip.id;
  index += 1;
  showPrompt();
  $('sent').hidden = false;
  say($('sent-text').textContent);
}

$('mic-start').addEventListener('click', () => act(startMicrophone));
$('record-start').addEventListener('click', startTake);
$('record-stop').addEventListener('click', stopTake);
$('again').addEventListener('click', () => {
  discardTake();
  $('record-start').focus();
});
$('skip').addEventListener('click', () => {
  index += 1;
  showPrompt();
});
$('submit').addEventListener('click', () => act(submitTake));
