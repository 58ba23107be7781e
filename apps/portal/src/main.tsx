// The app: started by boot.ts once the shell in index.html is on screen; React replaces the shell.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './i18n';

// The first render as a transition: React renders it in slices and lets the browser breathe in between
// (the shell stays on screen meanwhile), instead of one long task that holds a phone's main thread.
const root = createRoot(document.getElementById('root')!);
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
