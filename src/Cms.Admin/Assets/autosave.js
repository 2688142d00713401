// Autosave: a few quiet seconds after a change, or when the tab is hidden, the editor's form is saved as a draft in
// the background (?handler=Autosave), as Save draft saves it; it never publishes. A new item is saved once it has a
// title, and from then on the form edits that item. Someone else's newer save stops it and says who saved.
(() => {
  const form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch) return;
  const quietMs = 6000;
  const status = form.querySelector('[data-autosave-status]');
  const opened = form.querySelector('input[name="OpenedVersion"]');
  const title = form.querySelector('[data-kind="Title"] input');
  const badge = document.querySelector('[data-status]');
  let isNew = form.dataset.autosave === 'new';
  let changed = false; // changes the last saved draft does not have
  let stopped = false;
  let submitting = false;
  let saving = null;
  let timer;

  const say = (text, problem = false) => {
    status.textContent = text;
    status.classList.toggle('autosave-problem', problem);
  };
  const later = () => {
    clearTimeout(timer);
    if (!stopped && !submitting) timer = setTimeout(save, quietMs);
  };

  for (const type of ['input', 'change']) form.addEventListener(type, () => { changed = true; later(); });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save(); });

  // The person's own save waits for a background save in flight: that one may have just created the item.
  form.addEventListener('submit', (event) => {
    clearTimeout(timer);
    if (saving && !submitting) {
      event.preventDefault();
      const submitter = event.submitter;
      saving.then(() => form.requestSubmit(submitter));
    }
    submitting = true;
  });

  async function save() {
    clearTimeout(timer);
    if (stopped || submitting || saving || !changed) return;
    if (isNew && !(title && title.value.trim())) {
      say('Give it a title, and it is saved as a draft as you write.');
      return;
    }
    changed = false;
    saving = send();
    await saving;
    saving = null;
    if (changed) later();
  }

  async function send() {
    const data = new FormData(form);
    for (const input of form.querySelectorAll('input[type="file"]')) data.delete(input.name);
    // Not form.action: the buttons named "action" shadow that property.
    const url = new URL(form.getAttribute('action') || window.location.href, window.location.href);
    url.searchParams.set('handler', 'Autosave');
    say('Saving draft…');
    let response;
    let reply = null;
    try {
      response = await fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.redirected && (response.headers.get('content-type') || '').includes('json')) reply = await response.json();
    } catch {
      changed = true;
      say('The draft could not be saved just now (is the connection down?). It is tried again at your next change.', true);
      return;
    }

    if (response.ok && reply) {
      opened.value = reply.openedVersion;
      if (isNew) {
        isNew = false;
        history.replaceState(history.state, '', reply.editUrl);
        form.setAttribute('action', reply.editUrl);
        // The page now edits the saved item: its heading names it, as the item's own editor does.
        const heading = document.querySelector('h1');
        if (heading) heading.textContent = title.value.trim();
        const rest = document.title.indexOf(' · ');
        document.title = title.value.trim() + (rest >= 0 ? document.title.slice(rest) : '');
      }
      if (badge) {
        badge.textContent = reply.status;
        badge.className = `status status-${reply.statusKind}`;
      }
      say(`Draft saved ${new Date(reply.savedUtc).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`);
      if (!changed) form.dispatchEvent(new Event('cms:saved'));
      return;
    }

    changed = true;
    if (!reply) {
      stopped = !response.redirected;
      say(response.redirected
        ? 'You are signed out, so the draft is not saved. Sign in again in another tab, then keep writing; nothing here is lost.'
        : 'The draft could not be saved automatically. Use Save draft.', true);
    } else if (response.status === 422) {
      say(reply.message);
    } else {
      // Someone else's newer save, a deleted item, rights taken away: saving again cannot help.
      stopped = true;
      say(reply.message, true);
    }
  }
})();
