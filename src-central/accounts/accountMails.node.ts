// Sends an office its "account created" and "pro status validated" e-mails, and records
// when the mail server took each. A mail that fails never undoes the sign-up or the
// validation: it is logged by its failure code only (the address is personal data) and
// stays unsent, so the back office can see it and validating again sends it once more.
import type { FastifyBaseLogger } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import type { CentralContext } from '../context.node.ts';
import { offices } from '../store/schema.node.ts';
import { loggableFailure } from '../http/httpError.node.ts';
import { accountMail, type AccountMailKind } from '../mail/accountMail.node.ts';
import type { OfficeRow } from './authenticate.node.ts';

const SENT_AT = { created: offices.createdMailSentAt, validated: offices.validatedMailSentAt } as const;
const SENT_AT_KEY = { created: 'createdMailSentAt', validated: 'validatedMailSentAt' } as const;

/**
 * Whether the mail server took the message (or a call at the same moment is sending it). The
 * office's row claims the mail first (its "sent at" set while it is under way): two
 * back-office clicks at once send it once.
 */
export async function sendAccountMail(ctx: CentralContext, log: FastifyBaseLogger, office: OfficeRow, kind: AccountMailKind): Promise<boolean> {
  if (!ctx.mailer) {
    // A service started without mail on purpose (tests, a closed demo): nothing to warn of.
    log.info({ mail: kind, failure: { code: 'NO_MAILER' } }, 'account e-mail not sent');
    return false;
  }
  const claimed = await ctx.db.update(offices).set({ [SENT_AT_KEY[kind]]: ctx.now() })
    .where(and(eq(offices.id, office.id), isNull(SENT_AT[kind]))).returning({ id: offices.id });
  if (claimed.length === 0) return true;
  try {
    await ctx.mailer.send(accountMail(kind, { email: office.email, contactName: office.contactName, company: office.company, language: office.language }));
    return true;
  } catch (error) {
    await ctx.db.update(offices).set({ [SENT_AT_KEY[kind]]: null }).where(eq(offices.id, office.id));
    log.warn({ mail: kind, failure: loggableFailure(error) }, 'account e-mail not sent');
    return false;
  }
}
