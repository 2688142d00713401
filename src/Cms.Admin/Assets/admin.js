// The admin's little JavaScript: Markdown toolbar and preview, and a warning before leaving unsaved changes.
// Everything works without it; it only adds convenience.
(() => {
  for (const editor of document.querySelectorAll('[data-markdown-editor]')) {
    const area = editor.querySelector('textarea');
    const preview = editor.querySelector('[data-preview]');
    const toolbar = editor.querySelector('.toolbar');
    toolbar.hidden = false;
    const wrap = (mark) => {
      const { selectionStart: s, selectionEnd: e, value } = area;
      area.setRangeText(mark + value.slice(s, e) + mark, s, e, 'select');
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.focus();
    };
    const line = (prefix) => {
      const start = area.value.lastIndexOf('\n', area.selectionStart - 1) + 1;
      area.setRangeText(prefix, start, start, 'end');
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.focus();
    };
    toolbar.addEventListener('click', async (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      if (button.dataset.md) wrap(button.dataset.md);
      else if (button.dataset.mdLine) line(button.dataset.mdLine);
      else if ('mdLink' in button.dataset) {
        const { selectionStart: s, selectionEnd: e, value } = area;
        area.setRangeText('[' + (value.slice(s, e) || 'link text') + '](https://)', s, e, 'end');
        area.focus();
      } else if ('mdPreview' in button.dataset) {
        if (!preview.hidden) { preview.hidden = true; button.textContent = 'Preview'; return; }
        const form = new FormData();
        form.append('markdown', area.value);
        const token = document.querySelector('input[name="__RequestVerificationToken"]');
        if (token) form.append('__RequestVerificationToken', token.value);
        const response = await fetch(button.dataset.previewUrl, { method: 'POST', body: form, credentials: 'same-origin' });
        preview.innerHTML = response.ok ? await response.text() : '<p>The preview could not be made.</p>';
        preview.hidden = false;
        button.textContent = 'Hide preview';
      }
    });
  }

  for (const form of document.querySelectorAll('form[data-unsaved-warning]')) {
    // "changed": the server shows the form again with changes not saved yet (a bag's item added, say).
    let dirty = form.dataset.unsavedWarning === 'changed';
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('change', () => { dirty = true; });
    form.addEventListener('submit', () => { dirty = false; });
    // Sent by autosave.js when everything in the form is saved as a draft.
    form.addEventListener('cms:saved', () => { dirty = false; });
    window.addEventListener('beforeunload', (event) => { if (dirty) { event.preventDefault(); event.returnValue = ''; } });
  }
})();

// Tables whose rows can be dragged into a new order (a series' parts): rows move while dragged; a drop posts the new
// order of the rows' ids with the form the table names, once; a cancelled drag (Escape, or dropped outside) puts them
// back. The Up and Down buttons stay the way with a keyboard.
for (const table of document.querySelectorAll('table[data-reorder]')) {
  const form = document.querySelector(table.dataset.reorder);
  const body = table.tBodies[0];
  const ids = () => [...body.rows].map((row) => row.dataset.id);
  const opened = ids().join();
  let dragged = null;
  let before = [];
  for (const row of body.rows) {
    row.draggable = true;
    row.classList.add('draggable');
    row.addEventListener('dragstart', (event) => {
      dragged = row;
      before = [...body.rows];
      row.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', row.dataset.id);
    });
    row.addEventListener('dragend', (event) => {
      row.classList.remove('dragging');
      dragged = null;
      if (event.dataTransfer.dropEffect === 'none') {
        body.append(...before);
        return;
      }

      const order = ids();
      if (order.join() === opened) return;
      for (const input of form.querySelectorAll('input[name="articles"]')) input.remove();
      for (const id of order) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'articles';
        input.value = id;
        form.append(input);
      }
      form.requestSubmit();
    });
  }
  body.addEventListener('dragover', (event) => {
    if (!dragged) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const target = event.target.closest('tr');
    if (!target || target === dragged || target.parentElement !== body) return;
    const box = target.getBoundingClientRect();
    body.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? target : target.nextSibling);
  });
  body.addEventListener('drop', (event) => { if (dragged) event.preventDefault(); });
}

// Buttons that destroy something ask first (the server acts only on the posted form, with or without this).
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-confirm]');
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});
