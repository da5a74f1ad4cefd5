import { el, replaceChildren } from './dom';
import { mountImaging } from './pages/imaging';
import { mountSentiment } from './pages/sentiment';
import { mountSpeech } from './pages/speech';
import { mountFraud } from './pages/fraud';
import { mountStatus } from './pages/status';

/** A page draws itself into the container and returns what stops its timers, streams and players. */
export type Page = (container: HTMLElement) => () => void;

const PAGES: ReadonlyArray<{ hash: string; title: string; mount: Page }> = [
  { hash: '#/imaging', title: 'Medical imaging', mount: mountImaging },
  { hash: '#/sentiment', title: 'Sentiment', mount: mountSentiment },
  { hash: '#/speech', title: 'Speech', mount: mountSpeech },
  { hash: '#/fraud', title: 'Fraud', mount: mountFraud },
  { hash: '#/status', title: 'Status', mount: mountStatus },
];

const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
const links = PAGES.map((page) => el('a', { href: page.hash }, page.title));
replaceChildren(nav, ...links.map((link) => el('li', {}, link)));

let unmount: (() => void) | undefined;

function route(): void {
  const page = PAGES.find((p) => p.hash === location.hash) ?? PAGES[0]!;
  unmount?.();
  links.forEach((link) => (link.getAttribute('href') === page.hash ? link.setAttribute('aria-current', 'page') : link.removeAttribute('aria-current')));
  document.title = `${page.title} · DL suite console`;
  const container = el('section', { 'aria-labelledby': 'page-title', class: 'page' });
  replaceChildren(main, container);
  unmount = page.mount(container);
}

window.addEventListener('hashchange', () => {
  route();
  main.focus();
});
route();
