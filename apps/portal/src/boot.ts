// The first code index.html runs, a few lines: the stylesheets (linked in index.html, so they load beside
// everything else), then the app itself once the browser has shown the app shell (index.html). Started at
// once, React and antd would evaluate before the first paint and replace the shell before the screen ever
// showed it; on a phone whose download takes seconds this changes nothing but the order: the shell first.
import 'virtual:antd-style/first.css';
import './styles.css';

/** Runs `start` once the shell has been painted (the first contentful paint), or soon anyway (a hidden tab paints nothing). */
function afterShellShown(start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  try {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      once();
    }).observe({ type: 'paint', buffered: true });
  } catch {
    once(); // no paint timing in this browser
  }
  setTimeout(once, 300);
}

// The app's chunks are asked for here, all at once, once the shell is painted rather than beside it: they
// start only a frame later than they would from index.html (which waits for the stylesheet too), and
// nothing competes with what the first paint needs.
// With a stored session the signed-in frame (its code and the rest of antd's styles) is asked for beside the
// app rather than after it: its download overlaps the app's evaluation. routes.tsx fetches the page beside GET /me.
afterShellShown(() => {
  void import('./main');
  if (hasStoredSession()) void import('./layout/app-layout');
});

/** The token pair api/client.ts keeps; only which code to fetch early is guessed from it. */
function hasStoredSession(): boolean {
  try {
    return localStorage.getItem('skillbridge.tokens') !== null;
  } catch {
    return false;
  }
}
