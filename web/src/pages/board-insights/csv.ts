/**
 * A table as CSV, built in the browser from the numbers on the page. A cell a spreadsheet would
 * read as a formula (starting with = + - @, or a tab or carriage return) is prefixed with an
 * apostrophe (OWASP's CSV injection advice); every field that needs it is quoted.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

function field(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Saves `csv` as a file: UTF-8 with a byte-order mark, so spreadsheets read names in any script. */
export function downloadCsv(name: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
