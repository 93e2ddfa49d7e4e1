import { mount } from 'svelte';
import App from './ui/App.svelte';
import { i18n } from './state/i18n.svelte.ts';
import { storage } from './state/storage.svelte.ts';
import { pwa } from './state/pwa.svelte.ts';
import { requestLog } from './state/privacy.svelte.ts';
import './ui/app.css';

async function start() {
  requestLog.start();
  await storage.init();
  await i18n.load();
  mount(App, { target: document.getElementById('app')! });
  pwa.register();
}

void start();
