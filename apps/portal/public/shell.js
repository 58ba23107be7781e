/* global document */
// The app shell's two choices before any other code runs (index.html): the language this browser chose
// (i18n/index.ts keeps it) and whether a session is stored (api/client.ts), which shows the signed-in
// frame instead of the sign-in card. Only looks; who the user is stays GET /me's answer.
(function () {
  try {
    var root = document.documentElement;
    if (localStorage.getItem('skillbridge.language') === 'en') root.lang = 'en';
    if (localStorage.getItem('skillbridge.tokens')) root.classList.add('sb-signed-in');
  } catch {
    // No storage (a private window that refuses it): the default shell, in Chinese.
  }
})();
