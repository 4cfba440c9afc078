// What "done" means in the DOM, the same for every variant, in jsdom and in Chromium: the checks
// read only what React committed (a row's role, its presence, the first row shown).

/** The role control of a row: a native <select> or a combobox (Radix's trigger, Roster's light trigger). */
export function roleControl(row) {
  return row.querySelector('select, [role="combobox"]');
}

/** The row (`<tr>`) that holds the control named `Role for {name}`. */
export function findRow(root, name) {
  const label = `Role for ${name}`;
  for (const control of root.querySelectorAll('select, [role="combobox"]')) {
    if (control.getAttribute('aria-label') === label) return control.closest('tr');
    const labelledBy = control.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy
        .split(/\s+/)
        .map((id) => control.ownerDocument.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
      if (text === label) return control.closest('tr');
    }
  }
  return null;
}

/** True when the row shows `role` (native rows: the committed data-role; comboboxes: their text). */
export function roleShown(root, row, name, role) {
  const current = row.isConnected ? row : findRow(root, name);
  if (!current) return false;
  const control = roleControl(current);
  if (!control) return false;
  if (control.tagName === 'SELECT') return current.getAttribute('data-role') === role.key;
  return (control.textContent ?? '').includes(role.name);
}

/** The first member row's text (rows with a role control), or '' while none is shown. */
export function firstRowText(root) {
  for (const row of root.querySelectorAll('tbody tr')) {
    if (roleControl(row)) return row.textContent ?? '';
  }
  return '';
}

/** Member rows on screen. */
export function memberRowCount(root) {
  let count = 0;
  for (const row of root.querySelectorAll('tbody tr')) if (roleControl(row)) count += 1;
  return count;
}

/** The button whose text or aria-label is `label` (the first one), inside `root`. */
export function findButton(root, label) {
  for (const button of root.querySelectorAll('button')) {
    if (button.getAttribute('aria-label') === label || button.textContent?.trim() === label) return button;
  }
  return null;
}
