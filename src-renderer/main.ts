import { mount } from 'svelte';
import App from './App.svelte';
import { forgetBootAnswers } from './lib/api.js';
import { startAppEvents } from './state/app-events.svelte.js';
import { library } from './state/library.svelte.js';
import './styles/theme.css';

/** Longest the first render waits for the list, so a host that never answers still gets a page. */
const LIST_WAIT_MS = 500;

// Subscribed, then the list asked for, before the first render: the stream's `sync` says whether
// a change fell between the two.
startAppEvents();
const listed = library.refresh();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// The first render waits for the list (the web host's page preloads it, so it is usually in):
// one render and one layout with the library, not an empty one and then another. And it runs in
// a task of its own: this bundle, the list and the first mount in one task passed 200 ms.
const listOrTimeout = new Promise((resolve) => {
  void listed.then(resolve);
  setTimeout(resolve, LIST_WAIT_MS);
});
void listOrTimeout.then(() =>
  setTimeout(() => {
    mount(App, { target });
    // The first render's calls took their answers (in microtasks); later ones must be fresh.
    setTimeout(forgetBootAnswers, 0);
  }, 0),
);
