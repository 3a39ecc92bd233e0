/**
 * The demo website asks the CRM for the site key of its own origin (a real website writes its key
 * into the page: `<crm-chat site-key="site_…">`), and shows the business's name.
 */
const chat = document.querySelector('crm-chat');
fetch('/api/chat/sites/for-origin', { credentials: 'omit' })
  .then((res) => (res.ok ? (res.json() as Promise<{ site_key: string; business: string }>) : undefined))
  .then((site) => {
    if (!site) return;
    chat?.setAttribute('site-key', site.site_key);
    for (const el of document.querySelectorAll('[data-crm-business]')) el.textContent = site.business;
    document.title = `${site.business} · Demo`;
  })
  .catch(() => undefined);
