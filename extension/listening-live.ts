/**
 * The handshake between the side panel's listening meter and the meeting page (issue 18), kept
 * free of dependencies because both the panel and the content scripts import it.
 *
 * The panel writes `{on, at}` under LIVE_KEY when the meter starts or stops; a meeting page's content
 * script that sees `on` opens a port named REMOTE_PORT to the panel and streams one small message
 * per audio frame of the call's audio: its sustained level and whether it is speech. Nothing else
 * crosses: no samples, no audio. When the panel goes away the port closes and the page stops.
 */
export const LIVE_KEY = 'tandem:listening:live';
export const REMOTE_PORT = 'tandem-remote-audio';

export interface LiveFlag {
  on: boolean;
  at: string;
}

/** One frame of the call's audio as the page measured it. */
export interface RemoteLevel {
  /** Sustained level, dBFS. */
  db: number;
  speaking: boolean;
  /** Media elements being heard. */
  sources: number;
}

export function isLiveFlag(v: unknown): v is LiveFlag {
  return !!v && typeof v === 'object' && typeof (v as LiveFlag).on === 'boolean';
}
