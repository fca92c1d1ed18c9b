import { mount } from 'svelte';
import App from './App.svelte';
import { startAppEvents } from './state/app-events.svelte.js';
import { library } from './state/library.svelte.js';
import './styles/theme.css';

// Subscribed, then the list asked for, before the first render: the list travels while the page
// is being built, and the stream's `sync` says whether a change fell between the two.
startAppEvents();
void library.refresh();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// Mount in a task of its own: running this bundle, then the first mount and its layout, made one
// 220-250 ms task; as two, neither passes 200 ms. (Not a top-level await, which splits the bundle.)
setTimeout(() => mount(App, { target }), 0);
