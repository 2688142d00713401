// Content pickers: the items chosen, in order (the first author is the primary one), and a box that searches
// /admin/content/choices as one types, with its matches in a listbox (ARIA combobox pattern). Without script the
// field stays the plain list it replaces.
(() => {
  const make = (tag, props = {}, text) => {
    const node = Object.assign(document.createElement(tag), props);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  let count = 0;
  for (const picker of document.querySelectorAll('[data-picker]')) enhance(picker, ++count);

  function enhance(picker, n) {
    const select = picker.querySelector('select');
    const multiple = picker.dataset.multiple === 'true';
    const kind = picker.dataset.kindName || 'item';
    const label = document.querySelector(`label[for="${select.id}"]`);
    const name = label ? label.textContent.replace(/\(optional\)/, '').trim() : 'Items';
    let chosen = [...select.selectedOptions].filter((o) => o.value)
      .map((o) => ({ id: o.value, title: o.textContent, status: o.dataset.status }));
    let results = [];
    let active = -1;
    let timer;
    let controller;

    const chosenList = make(multiple ? 'ol' : 'ul', { className: 'picker-chosen' });
    chosenList.setAttribute('aria-label', `${name}: chosen`);
    const input = make('input', { id: select.id, type: 'text', autocomplete: 'off', placeholder: `Type to find a ${kind}` });
    const listbox = make('ul', { id: `picker-${n}-list`, className: 'picker-options', hidden: true });
    const status = make('p', { id: `picker-${n}-status`, className: 'hint picker-status' });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('aria-describedby', `${status.id} ${select.getAttribute('aria-describedby') || ''}`.trim());
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-label', `Matching ${kind}s`);
    status.setAttribute('aria-live', 'polite');
    const box = make('div', { className: 'picker-box' });
    box.append(input, listbox);
    select.replaceWith(chosenList, box, status);
    render();

    const say = (text) => { status.textContent = text; };
    const changed = () => picker.dispatchEvent(new Event('change', { bubbles: true }));

    function render(focusIndex, focusSelector) {
      chosenList.replaceChildren(...chosen.map((item, i) => {
        const row = make('li');
        row.append(make('span', { className: 'picker-title' }, item.title));
        if (item.status !== 'published') {
          row.append(make('span', { className: 'status status-draft' }, item.status === 'missing' ? 'Deleted' : 'Draft'));
        }
        if (multiple && i > 0) {
          const up = make('button', { type: 'button', className: 'picker-up' }, 'Move up');
          up.setAttribute('aria-label', `Move ${item.title} up`);
          up.addEventListener('click', () => {
            [chosen[i - 1], chosen[i]] = [chosen[i], chosen[i - 1]];
            render(i - 1, i - 1 > 0 ? '.picker-up' : '.picker-remove');
            say(i - 1 === 0 ? `${item.title} is now first.` : `${item.title} moved up.`);
            changed();
          });
          row.append(up);
        }
        const remove = make('button', { type: 'button', className: 'picker-remove' }, 'Remove');
        remove.setAttribute('aria-label', `Remove ${item.title}`);
        remove.addEventListener('click', () => {
          chosen.splice(i, 1);
          render(Math.min(i, chosen.length - 1), '.picker-remove');
          if (chosen.length === 0) input.focus();
          say(`${item.title} removed.`);
          changed();
        });
        row.append(remove, make('input', { type: 'hidden', name: select.name, value: item.id }));
        return row;
      }));
      chosenList.hidden = chosen.length === 0;
      if (focusIndex >= 0 && chosenList.children[focusIndex]) chosenList.children[focusIndex].querySelector(focusSelector).focus();
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function move(delta) {
      if (results.length === 0) return;
      active = (active + delta + results.length) % results.length;
      [...listbox.children].forEach((option, i) => option.setAttribute('aria-selected', i === active ? 'true' : 'false'));
      const option = listbox.children[active];
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }

    function pick(item) {
      chosen = multiple ? [...chosen, item] : [item];
      input.value = '';
      close();
      render();
      say(multiple ? `${item.title} added (${chosen.length} chosen).` : `${item.title} chosen.`);
      changed();
    }

    function show(found, query) {
      results = found.filter((f) => !chosen.some((c) => c.id === f.id));
      listbox.replaceChildren(...results.map((item, i) => {
        const option = make('li', { id: `${listbox.id}-${i}` });
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.append(make('span', {}, item.title));
        if (item.status !== 'published') option.append(make('span', { className: 'picker-meta' }, 'Draft'));
        option.addEventListener('click', () => pick(item));
        return option;
      }));
      active = -1;
      input.removeAttribute('aria-activedescendant');
      listbox.hidden = results.length === 0;
      input.setAttribute('aria-expanded', results.length > 0 ? 'true' : 'false');
      if (!listbox.hidden) listbox.scrollIntoView({ block: 'nearest' });
      const more = found.length >= 20 ? ' Type more of the name to narrow them.' : '';
      say(results.length === 0
        ? (query ? `No ${kind} matches “${query}”.` : `No more ${kind}s to choose.`)
        : `${results.length} ${results.length === 1 ? 'match' : 'matches'}: up and down arrows to move, Enter to choose.${more}`);
    }

    async function search(browse) {
      const query = input.value.trim();
      if (!query && !browse) { close(); say(''); return; }
      controller?.abort();
      controller = new AbortController();
      try {
        const url = `${picker.dataset.choicesUrl}&take=20&q=${encodeURIComponent(query)}`;
        const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: controller.signal });
        if (response.redirected || !(response.headers.get('content-type') || '').includes('json')) {
          say('You are signed out. Sign in again in another tab, then search again; nothing here is lost.');
        } else if (!response.ok) {
          say('Your role may not search here.');
        } else {
          show(await response.json(), query);
        }
      } catch (error) {
        if (error.name !== 'AbortError') say('The search did not work. Check the connection and try again.');
      }
    }

    // Typing a search changes nothing in the item: the form hears of a pick or a removal only.
    for (const type of ['input', 'change']) input.addEventListener(type, (event) => event.stopPropagation());
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => search(false), 200);
    });
    input.addEventListener('keydown', (event) => {
      const open = !listbox.hidden;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (open) move(event.key === 'ArrowDown' ? 1 : -1);
        else search(true);
      } else if (event.key === 'Enter') {
        // Enter in this box chooses; it never submits the form.
        event.preventDefault();
        if (open && active >= 0) pick(results[active]);
        else if (open && results.length === 1) pick(results[0]);
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
    // A click on an option must not take the focus from the box first (that would close the list).
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
  }
})();
