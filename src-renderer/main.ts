import { mount } from 'svelte';
import App from './App.svelte';
import { library } from './state/library.svelte.js';
import './styles/theme.css';

// Asked for before the first render, so the list travels while the page is being built.
void library.refresh();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
