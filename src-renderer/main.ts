import { mount } from 'svelte';
import App from './App.svelte';
import { startAppEvents } from './state/app-events.svelte.js';
import './styles/theme.css';

// Subscribed before the first render: the stream's first event (`sync`) asks for the list, which
// then travels while the page is being built, and no change can fall between the two.
startAppEvents();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// Mount in a task of its own: running this bundle, then the first mount and its layout, made one
// 220-250 ms task; as two, neither passes 200 ms. (Not a top-level await, which splits the bundle.)
setTimeout(() => mount(App, { target }), 0);
