/**
 * Notes shaped like the conversation. A session has two free-text fields on the wire, `notes`
 * (shared) and `privateNotes` (the manager's alone); the side panel keeps several named sections in
 * each, so that every notes field of the UI can be shared or private on its own.
 *
 * The format stays readable for people (HR sees `notes` as plain text):
 *
 *     ## Facts and data {#facts}
 *     Shipped 3 of 4 milestones …
 *
 *     ## Key points {#keyPoints}
 *     …
 *
 * Text before the first heading is kept as the section `_` (untitled). Pure and dependency-free.
 */

export interface NoteSection {
  /** `[A-Za-z][A-Za-z0-9_-]*`, or `_` for text before the first heading. */
  id: string;
  title: string;
  body: string;
}

export const PREAMBLE = '_';

const HEADING = /^##[ \t]+(.*?)[ \t]*\{#([A-Za-z][A-Za-z0-9_-]*)\}[ \t]*$/;

function trimBlankLines(s: string): string {
  const t = s.replace(/^(?:[ \t]*\r?\n)+/, '');
  // The trailing `(?:\r?\n[ \t]*)+$`, scanned backwards: as a regex it is retried from every line
  // break, quadratic on many blank lines before text (50k lines took seconds).
  let end = t.length;
  for (let i = end; ; ) {
    while (i > 0 && (t[i - 1] === ' ' || t[i - 1] === '\t')) i--;
    if (i === 0 || t[i - 1] !== '\n') break;
    i -= t[i - 2] === '\r' ? 2 : 1;
    end = i;
  }
  return t.slice(0, end);
}

/** Split notes text into sections, in order. A repeated id keeps its first place; bodies are joined. */
export function parseSections(text: string | null | undefined): NoteSection[] {
  const out: NoteSection[] = [];
  if (!text) return out;
  const lines = text.split('\n');
  let current: { id: string; title: string; lines: string[] } = { id: PREAMBLE, title: '', lines: [] };
  const flush = () => {
    const body = trimBlankLines(current.lines.join('\n'));
    const existing = out.find((s) => s.id === current.id);
    if (existing) {
      if (body) existing.body = existing.body ? `${existing.body}\n\n${body}` : body;
    } else if (current.id !== PREAMBLE || body) {
      out.push({ id: current.id, title: current.title, body });
    }
  };
  for (const line of lines) {
    const m = HEADING.exec(line.replace(/\r$/, ''));
    if (m) {
      flush();
      current = { id: m[2]!, title: m[1]!, lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  flush();
  return out;
}

/** The text of sections, as `parseSections` reads it back. */
export function formatSections(sections: readonly NoteSection[]): string {
  const parts: string[] = [];
  for (const s of sections) {
    const body = trimBlankLines(s.body);
    if (s.id === PREAMBLE) {
      if (body) parts.push(body);
      continue;
    }
    const title = s.title.replace(/[\r\n]+/g, ' ').trim() || s.id;
    parts.push(body ? `## ${title} {#${s.id}}\n${body}` : `## ${title} {#${s.id}}`);
  }
  return parts.join('\n\n');
}

/** The body of one section ('' when absent). */
export function sectionBody(text: string | null | undefined, id: string): string {
  return parseSections(text).find((s) => s.id === id)?.body ?? '';
}

/** Whether the text has a section with this id (even an empty one). */
export function hasSection(text: string | null | undefined, id: string): boolean {
  return parseSections(text).some((s) => s.id === id);
}

/**
 * Set one section's body (adding the section at the end when new). `keepEmpty` keeps an empty
 * section as a bare heading (the panel uses it to remember that a field is private).
 */
export function setSection(
  text: string | null | undefined,
  id: string,
  title: string,
  body: string,
  keepEmpty = false,
): string {
  const sections = parseSections(text);
  const i = sections.findIndex((s) => s.id === id);
  const empty = body.trim() === '';
  if (empty && !keepEmpty) {
    if (i >= 0) sections.splice(i, 1);
  } else if (i >= 0) {
    sections[i] = { id, title: sections[i]!.title || title, body };
  } else {
    sections.push({ id, title, body });
  }
  return formatSections(sections);
}
