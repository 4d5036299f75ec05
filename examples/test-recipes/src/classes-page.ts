/**
 * A front-end page under test, bundled for the browser: it lists the classes of the demo school from
 * the school portal. In the test the simulator answers inside the page, behind MSW's service worker
 * (`npx msw init public` puts mockServiceWorker.js there); `window.sim` lets the test switch faults.
 */
import { createSimulator, type Simulator } from '@goskit/simulator';
import { setupWorker } from 'msw/browser';

declare global {
  interface Window {
    sim?: Simulator;
    ready?: Promise<void>;
  }
}

const SCHOOL = 'https://school.goskit.test';
const status = document.querySelector('#status') as HTMLElement;
const list = document.querySelector('#classes') as HTMLElement;

async function loadClasses(): Promise<void> {
  status.textContent = 'Загрузка…';
  list.replaceChildren();
  try {
    const answer = await fetch(`${SCHOOL}/classes`);
    if (!answer.ok) {
      status.textContent =
        answer.status === 503 ? 'Сервис на техническом обслуживании' : `Ошибка ${answer.status}`;
      return;
    }
    const page = (await answer.json()) as { items: { name: string }[] };
    for (const item of page.items) {
      const row = document.createElement('li');
      row.textContent = item.name;
      list.append(row);
    }
    status.textContent = `Классов: ${page.items.length}`;
  } catch {
    status.textContent = 'Нет связи с сервисом';
  }
}

// No process.env in a browser: ask for contract checks explicitly.
const sim = createSimulator({ seed: 'browser-recipe', strictContracts: true });
window.sim = sim;
window.ready = setupWorker(...sim.handlers)
  .start({ onUnhandledRequest: 'bypass', quiet: true })
  .then(() => loadClasses());
document.querySelector('#reload')?.addEventListener('click', () => void loadClasses());
