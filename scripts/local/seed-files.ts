/**
 * Attachments' demo data (issue 14): the slides (a real one-page PDF) and an exercise sheet (CSV)
 * of the past "Leadership and vision" webinar, as its materials. Written through the file
 * service and the local S3 exactly as the app writes them: an upload form, the form POSTed to the
 * bucket, then the check. Called once, from the seed's first run.
 */

/** A small, valid PDF (one page, one line of text), with its cross-reference table computed. */
export function onePagePdf(line: string): Uint8Array {
  const text = line.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

export async function seedEventFiles(boardId: string, eventId: string): Promise<void> {
  // Registers the event as an owner of files, as the app does when it mounts the routes.
  await import('../../functions/events/files');
  const files = await import('../../functions/files/service');
  const { getMember } = await import('../../functions/members/repository');
  const board = await getMember(boardId);
  if (!board) throw new Error('seed-files: no board member');
  const session = { userId: boardId, email: 'board@example.org', groups: ['board'], isBoard: true };
  const attach = async (name: string, type: 'application/pdf' | 'text/csv', bytes: Uint8Array) => {
    const { fileId, upload } = await files.requestUpload('event', session, board, eventId, { name, type, size: bytes.length });
    const form = new FormData();
    for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
    form.append('file', new Blob([Buffer.from(bytes)], { type }), 'upload');
    const res = await fetch(upload.url, { method: 'POST', body: form });
    if (!res.ok) throw new Error(`seed-files: the upload answered ${res.status}`);
    await files.complete('event', session, board, eventId, fileId);
  };
  await attach('Leading a team under pressure - slides.pdf', 'application/pdf', onePagePdf('Leading a team under pressure: slides'));
  await attach(
    'Team roles exercise.csv',
    'text/csv',
    new TextEncoder().encode('role,what she does,who covers when she is away\nlead investigator,,\ncase officer,,\nvictim liaison,,\n'),
  );
}
