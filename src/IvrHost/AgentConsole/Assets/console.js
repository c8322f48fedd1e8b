// Live updates for the agent console: the server pushes the board's version over server-sent
// events; each region marked data-refresh fetches its server-rendered fragment when it changes.
// Focus stays where it was, and a short summary is announced through the live region.
(() => {
  'use strict';
  const regions = [...document.querySelectorAll('[data-refresh]')];
  const live = document.getElementById('live');
  const state = document.getElementById('live-state');
  if (regions.length === 0 || !('EventSource' in window)) {
    if (state) state.textContent = 'Live updates off: reload the page to see changes.';
    return;
  }

  let version = regions[0].dataset.version;
  const source = new EventSource('/console/events');
  source.addEventListener('open', () => { if (state) state.textContent = 'Live updates on.'; });
  source.addEventListener('error', () => { if (state) state.textContent = 'Live updates reconnecting…'; });
  source.addEventListener('changed', (event) => {
    if (event.data && event.data !== version) {
      version = event.data;
      regions.forEach(refresh);
    }
  });

  async function refresh(region) {
    let response;
    try {
      response = await fetch(region.dataset.refresh, { headers: { 'X-Console-Fragment': '1' }, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      return;
    }

    if (response.status === 401) {
      window.location.assign('/console/sign-in?ReturnUrl=' + encodeURIComponent(window.location.pathname));
      return;
    }

    if (!response.ok || !response.headers.get('content-type')?.startsWith('text/html')) {
      return;
    }

    const focusedId = region.contains(document.activeElement) ? document.activeElement.id : null;
    region.innerHTML = await response.text();
    region.dataset.version = version;
    if (focusedId) {
      document.getElementById(focusedId)?.focus();
    }

    const summary = region.querySelector('[data-summary]')?.dataset.summary;
    if (summary && live && live.textContent !== summary) {
      live.textContent = summary;
    }
  }

  window.addEventListener('pagehide', () => source.close());
})();
