// The practice's images (/admin/media/library) in a dialog with a filter box and thumbnails, for two uses:
// - "Choose from library" beside an image field's path box: choosing one fills the path box, as typing the path would;
//   without script the path box and the upload work alone.
// - "Image" in a Markdown editor's toolbar: choosing one asks for its description, then inserts ![description](/media/path)
//   where the cursor is. A body keeps the site path; the preview and the public page put it under the practice's address.
(() => {
  const fields = [...document.querySelectorAll('[data-media-field]')];
  const imageButtons = [...document.querySelectorAll('[data-md-image]')];
  if (fields.length + imageButtons.length === 0 || typeof HTMLDialogElement !== 'function') return;

  const make = (tag, props = {}, text) => {
    const node = Object.assign(document.createElement(tag), props);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const size = (bytes) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

  let dialog;
  let filter;
  let status;
  let grid;
  let more;
  let describe;
  let describeImage;
  let describeBox;
  let describeStatus;
  // What the dialog is open for: { libraryUrl, current, choose(file), opener }.
  let target;
  let page = 1;
  let timer;
  let controller;
  let focusAfter;

  function build() {
    dialog = make('dialog', { className: 'media-library' });
    dialog.setAttribute('aria-labelledby', 'media-library-title');
    const head = make('div', { className: 'dialog-head' });
    const close = make('button', { type: 'button', className: 'button button-quiet' }, 'Close');
    head.append(make('h2', { id: 'media-library-title' }, 'Choose an image'), close);
    filter = make('input', { id: 'media-library-filter', type: 'search', autocomplete: 'off' });
    status = make('p', { className: 'hint' });
    status.setAttribute('aria-live', 'polite');
    grid = make('ul', { className: 'media-grid' });
    grid.setAttribute('aria-label', 'Images');
    more = make('button', { type: 'button', className: 'button button-quiet', hidden: true }, 'Show more images');
    describe = make('div', { className: 'media-describe', hidden: true });
    describeImage = make('img', { className: 'media-preview', alt: '' });
    describeBox = make('input', { id: 'media-library-alt', autocomplete: 'off' });
    describeStatus = make('p', { className: 'hint' });
    describeStatus.setAttribute('aria-live', 'polite');
    const insert = make('button', { type: 'button', className: 'button' }, 'Insert image');
    describe.append(describeImage, make('label', { htmlFor: describeBox.id }, 'Its description, for people who use screen readers'), describeBox, describeStatus, insert);
    dialog.append(head, describe, make('label', { htmlFor: filter.id }, 'Filter by file name'), filter, status, grid, more);
    document.body.append(dialog);

    close.addEventListener('click', () => dialog.close());
    insert.addEventListener('click', () => target.insert());
    describeBox.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); target.insert(); }
    });
    more.addEventListener('click', () => load(page + 1));
    filter.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => load(1), 200);
    });
    // Escape, Close or a choice: the focus goes back where the person is working.
    dialog.addEventListener('close', () => { (focusAfter || target.opener).focus(); focusAfter = null; });
  }

  async function load(next) {
    controller?.abort();
    controller = new AbortController();
    const query = filter.value.trim();
    try {
      const url = `${target.libraryUrl}?page=${next}&q=${encodeURIComponent(query)}`;
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: controller.signal });
      if (response.redirected || !(response.headers.get('content-type') || '').includes('json')) {
        status.textContent = 'You are signed out. Sign in again in another tab, then open the library again; nothing here is lost.';
        return;
      }
      if (!response.ok) {
        status.textContent = 'Your role may not choose images from the library.';
        return;
      }
      const found = await response.json();
      page = found.page;
      const items = found.files.map(show);
      if (next === 1) grid.replaceChildren(...items);
      else grid.append(...items);
      more.hidden = !found.more;
      status.textContent = found.total === 0
        ? (query ? `No image’s name has “${query}”.` : 'The library has no images yet: upload one with the file box.')
        : `${found.total} ${found.total === 1 ? 'image' : 'images'}${found.more ? `, ${grid.children.length} shown` : ''}.`;
      if (next > 1 && items.length > 0) items[0].querySelector('button').focus();
    } catch (error) {
      if (error.name !== 'AbortError') status.textContent = 'The library did not load. Check the connection and try again.';
    }
  }

  function show(file) {
    const item = make('li');
    const button = make('button', { type: 'button', className: 'media-choice', title: file.path });
    if (file.path === target.current()) button.setAttribute('aria-current', 'true');
    button.append(
      make('img', { src: file.url + '?w=400', alt: '', loading: 'lazy', width: 160, height: 120 }),
      make('span', { className: 'media-name' }, file.name),
      make('span', { className: 'media-size' }, size(file.size)));
    button.addEventListener('click', () => target.choose(file));
    item.append(button);
    return item;
  }

  function open(next) {
    if (!dialog) build();
    target = next;
    describe.hidden = true;
    filter.value = '';
    grid.replaceChildren();
    status.textContent = 'Loading the library…';
    dialog.showModal();
    filter.focus();
    load(1);
  }

  function chooseForField(field, file) {
    // The upload box would win over the path on saving: a file picked there before is let go.
    field.upload.value = '';
    field.path.value = file.path;
    field.path.dispatchEvent(new Event('input', { bubbles: true }));
    field.path.dispatchEvent(new Event('change', { bubbles: true }));
    field.preview.src = file.url;
    field.preview.hidden = false;
    field.status.textContent = field.alt.value.trim()
      ? `${file.name} chosen.`
      : `${file.name} chosen. Now describe the image for people who use screen readers.`;
    focusAfter = field.alt;
    dialog.close();
  }

  // Markdown's own escapes: a ] or \ in the description, and spaces or brackets in the path, would end the image early.
  const pathPart = (part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const markdownImage = (alt, path) =>
    `![${alt.replace(/[\\\[\]]/g, '\\$&')}](/media/${path.split('/').map(pathPart).join('/')})`;

  function insertInto(area, file) {
    const alt = describeBox.value.trim().replace(/\s+/g, ' ');
    if (!alt) {
      describeStatus.textContent = 'Describe the image first: what a reader who cannot see it should know.';
      describeBox.focus();
      return;
    }
    const { selectionStart: s, selectionEnd: e, value } = area;
    const before = s > 0 && value[s - 1] !== '\n' ? '\n\n' : '';
    area.setRangeText(before + markdownImage(alt, file.path) + '\n', s, e, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
    focusAfter = area;
    dialog.close();
  }

  for (const root of fields) {
    const button = root.querySelector('[data-media-choose]');
    const path = root.querySelector('[data-media-path]');
    const state = { root, button, path, alt: root.querySelector('[data-media-alt]'), upload: root.querySelector('input[type=file]'), preview: root.querySelector('.media-preview'), status: make('p', { className: 'hint' }) };
    state.status.setAttribute('aria-live', 'polite');
    path.parentElement.after(state.status);
    button.hidden = false;
    button.addEventListener('click', () => open({
      libraryUrl: root.dataset.libraryUrl,
      current: () => path.value.trim(),
      choose: (file) => chooseForField(state, file),
      opener: button,
    }));
  }

  for (const button of imageButtons) {
    const area = button.closest('[data-markdown-editor]').querySelector('textarea');
    button.hidden = false;
    button.addEventListener('click', () => {
      let chosen;
      open({
        libraryUrl: button.dataset.libraryUrl,
        current: () => '',
        choose: (file) => {
          chosen = file;
          describeImage.src = file.url;
          describeBox.value = '';
          describeStatus.textContent = `${file.name} chosen.`;
          describe.hidden = false;
          describeBox.focus();
        },
        insert: () => insertInto(area, chosen),
        opener: button,
      });
    });
  }
})();
