/**
 * People in pasted invite text: attendee and organizer values, `Name <email>` pairs, bare emails,
 * and the inviter of "X 邀请您参加…" lines. Part of `../text.ts`.
 */
import type { InviteAttendee, InvitePerson } from '../types';
import { cleanEmail, cleanText, normalizeName } from '../util';
import type { Field, Labelled, Line } from './fields';

// ---------------------------------------------------------------------------------------------
// People

export const EMAIL_IN_TEXT =
  /(?<![A-Za-z0-9_'+\-.])[A-Za-z0-9_'+\-.]{1,64}@[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const SERVICE_EMAIL =
  /^(?:no-?reply|do-?not-?reply|noreply-[\w-]+|calendar-notification|notifications?|mailer-daemon)@|@(?:resource\.calendar\.google\.com|group\.calendar\.google\.com)$/i;

function cleanName(s: string): string | undefined {
  if (s.length > 300) return undefined;
  const n = s
    .replace(EMAIL_IN_TEXT, ' ')
    .replace(/mailto:/gi, ' ')
    .replace(/[<>()[\]"“”「」'‘’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[,;:，；、\-–]+|[,;:，；、\-–]+$/g, '')
    .trim();
  if (n === '' || n.length > 100 || /^\d+$/.test(n) || /https?:|www\./i.test(n)) return undefined;
  return cleanText(n, 300);
}

const ROLE_TAG =
  /[(（]\s*(?:organi[sz]er|组织者|发起人)\s*[)）]|\s[-–]\s*(?:organi[sz]er|组织者|发起人)\s*$/i;
const OTHER_TAG =
  /[(（]\s*(?:optional|required|可选|必选|必需|guest|host)\s*[)）]|\s[-–]\s*(?:optional|required|creator)\s*$/gi;

type Found = InvitePerson & { isOrganizer?: boolean };

/** People in one attendee or organizer value: `A <a@x>; B <b@x>`, `张三、李四`, `a@x, b@x`, `A (organizer)`. */
function peopleIn(value: string): Found[] {
  const parts =
    value.includes(';') || value.includes('；')
      ? value.split(/[;；]/)
      : value.split(/[,，、;；]|\s+and\s+|\s+和\s+/);
  const out: Found[] = [];
  for (const raw of parts) {
    const isOrganizer = ROLE_TAG.test(raw);
    const part = raw.replace(ROLE_TAG, ' ').replace(OTHER_TAG, ' ');
    const email = cleanEmail(/<\s*([^<>\s]+@[^<>\s]+)\s*>/.exec(part)?.[1] ?? part.match(EMAIL_IN_TEXT)?.[0]);
    const name = cleanName(part);
    if (email && SERVICE_EMAIL.test(email)) continue;
    if (!email && !name) continue;
    out.push({
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
      ...(isOrganizer ? { isOrganizer } : {}),
    });
  }
  return out;
}

const person = (f: Found): InvitePerson => ({
  ...(f.name ? { name: f.name } : {}),
  ...(f.email ? { email: f.email } : {}),
});

export class People {
  readonly list: InviteAttendee[] = [];

  add(p: InvitePerson, organizer = false): void {
    if (!p.email && !p.name) return;
    const byEmail = p.email ? this.list.find((a) => a.email === p.email) : undefined;
    const byName =
      !byEmail && p.name
        ? this.list.find(
            (a) => a.name && normalizeName(a.name) === normalizeName(p.name!) && (!a.email || !p.email),
          )
        : undefined;
    const hit = byEmail ?? byName;
    if (hit) {
      if (!hit.name && p.name) hit.name = p.name;
      if (!hit.email && p.email) hit.email = p.email;
      if (organizer) hit.organizer = true;
      return;
    }
    if (this.list.length >= 1_000) return;
    this.list.push({ ...p, ...(organizer ? { organizer: true } : {}) });
  }
}

export const INVITED =
  /^(.{1,40}?)\s*(?:邀请(?:您|你)(?:参加|加入|参与)|(?:is inviting you to|has invited you to|invited you to|invites you to))/i;

/** Organizer and attendees of the whole text. */
export function collectPeople(
  text: string,
  lines: Line[],
  labelled: Labelled[],
  first: (f: Field) => Labelled | undefined,
): { people: People; organizer: InvitePerson | undefined } {
  const people = new People();
  const organizerLabel = first('organizer') ?? first('sender');
  const organizerFound = organizerLabel ? peopleIn(organizerLabel.value)[0] : undefined;
  const attendeesFound = labelled.filter((l) => l.field === 'attendees').flatMap((l) => peopleIn(l.value));
  let organizer: InvitePerson | undefined = organizerFound
    ? person(organizerFound)
    : (() => {
        const tagged = attendeesFound.find((p) => p.isOrganizer);
        return tagged ? person(tagged) : undefined;
      })();
  if (!organizer) {
    for (const line of lines.slice(0, 8)) {
      const name = INVITED.exec(line.norm.trim())?.[1];
      const cleaned = name ? cleanName(name.replace(/^(?:您好|你好|hi|hello)[,，!！\s]*/i, '')) : undefined;
      if (cleaned) {
        organizer = { name: cleaned };
        break;
      }
    }
  }
  if (organizer) people.add(organizer, true);
  for (const p of attendeesFound) people.add(person(p), !!p.isOrganizer);
  const urlFree = text.replace(/https?:\/\/\S+/g, ' ');
  for (const m of urlFree.matchAll(
    /(?:"([^"\n<>]{1,80})"|([^\s<>,;:"，、；：][^<>,;:"，、；：\n]{0,60}?))\s*<\s*([^<>\s]+@[^<>\s]+)\s*>/g,
  )) {
    const email = cleanEmail(m[3]);
    if (!email || SERVICE_EMAIL.test(email)) continue;
    const rawName = m[1] ?? m[2] ?? '';
    const name = cleanName(rawName.replace(ROLE_TAG, ' ').replace(OTHER_TAG, ' '));
    people.add({ ...(name ? { name } : {}), email }, ROLE_TAG.test(rawName));
  }
  for (const m of urlFree.matchAll(EMAIL_IN_TEXT)) {
    const email = cleanEmail(m[0]);
    if (email && !SERVICE_EMAIL.test(email)) people.add({ email });
  }
  if (organizer?.email) {
    for (const a of people.list) if (a.email === organizer.email) a.organizer = true;
  }
  return { people, organizer };
}
