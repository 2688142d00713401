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
    let dirty = false;
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('change', () => { dirty = true; });
    form.addEventListener('submit', () => { dirty = false; });
    // Sent by autosave.js when everything in the form is saved as a draft.
    form.addEventListener('cms:saved', () => { dirty = false; });
    window.addEventListener('beforeunload', (event) => { if (dirty) { event.preventDefault(); event.returnValue = ''; } });
  }
})();

// Buttons that destroy something ask first (the server acts only on the posted form, with or without this).
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-confirm]');
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});
