// A list of recipients pasted by an agent (from a spreadsheet, an e-mail, a class list): one a
// line, "Name <address>" or a bare address, commas, semicolons or tabs around them tolerated.
// Every line is judged on its own, so the good ones go ahead while each bad one is named with
// its reason — a 2,000-line paste with junk in it loses nothing.
import { z } from 'zod';

export const MAX_RECIPIENT_LINES = 5_000;

export type RecipientProblem = 'not_an_address' | 'duplicate' | 'too_long';

export interface Recipient {
  /** 1-based, as the agent counts the lines of what they pasted. */
  line: number;
  email: string;
  name: string | null;
}

export interface RefusedLine {
  line: number;
  text: string;
  problem: RecipientProblem;
}

export interface RecipientList {
  recipients: Recipient[];
  refused: RefusedLine[];
  /** Lines beyond MAX_RECIPIENT_LINES, left out whole. */
  overflow: number;
}

const Email = z.email().max(254);
const NAMED = /^(?:"?([^"<>]*?)"?\s*)<([^<>\s]+)>$/;

/** "Léa Durand <lea@example.org>", "<lea@example.org>", "lea@example.org", quoted names too. */
function parseLine(text: string): { email: string; name: string | null } | null {
  const named = NAMED.exec(text);
  const email = (named ? named[2]! : text).trim().toLowerCase();
  if (!Email.safeParse(email).success) return null;
  const name = named?.[1]?.trim();
  return { email, name: name ? name : null };
}

export function parseRecipients(pasted: string): RecipientList {
  const lines = pasted.split(/\r\n|\r|\n/);
  const recipients: Recipient[] = [];
  const refused: RefusedLine[] = [];
  const seen = new Set<string>();
  const kept = lines.slice(0, MAX_RECIPIENT_LINES);
  kept.forEach((raw, i) => {
    // Separators a spreadsheet column or a mail client leaves around an entry.
    const text = raw.replace(/^[\s,;\t]+|[\s,;\t]+$/g, '');
    if (text === '') return;
    const line = i + 1;
    if (text.length > 320) {
      refused.push({ line, text: `${text.slice(0, 60)}…`, problem: 'too_long' });
      return;
    }
    const parsed = parseLine(text);
    if (!parsed) refused.push({ line, text, problem: 'not_an_address' });
    else if (seen.has(parsed.email)) refused.push({ line, text, problem: 'duplicate' });
    else {
      seen.add(parsed.email);
      recipients.push({ line, ...parsed });
    }
  });
  return { recipients, refused, overflow: Math.max(0, lines.length - MAX_RECIPIENT_LINES) };
}
