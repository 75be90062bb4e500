/** Entry: picks the route from the path, creates the lab and renders it. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { labOptionsFor, routeFromPath } from './app/route.ts';
import { createLab } from './store/index.ts';

const route = routeFromPath(window.location.pathname);
const store = createLab(labOptionsFor(route));
const container = document.getElementById('root');
if (container === null) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <App store={store} route={route} />
  </StrictMode>,
);
