import type { LoginResponse, RegisterEnterpriseRequest } from '@skillbridge/contracts';
import { usccCheckCharacter } from '@skillbridge/domain';
import { uniqueSuffix } from './database';
import { ReceivedMail, SmtpSink, eventually, mailSubject, mailText } from './sinks';

/** Where the worker's e-mail arrives: the test SMTP server (or the browser tests' view of it). */
export type MailBox = Pick<SmtpSink, 'received'>;

let serial = 0;
/** A fresh, valid unified social credit code (GB 32100 check character) for each registration. */
export const newUscc = (): string => {
  const body = `91620100MA${uniqueSuffix().slice(0, 6).toUpperCase()}${serial++ % 10}`;
  return body + usccCheckCharacter(body);
};

/** The secret of the registration link in an e-mail the worker sent (the link's path is the portal's confirm page). */
export const registrationSecretIn = (mail: ReceivedMail): string | null =>
  /\/register\/confirm#token=([\w-]{43})/.exec(mailText(mail))?.[1] ?? null;

/**
 * The e-mails to `email` past the first `after` (only those with `subject`, when given), waiting until
 * there is one. Name the subject for a demo account: the worker also delivers the demo's own notices.
 */
export const mailsTo = (smtp: MailBox, email: string, after = 0, subject?: string): Promise<ReceivedMail[]> =>
  eventually(
    async () => smtp.received.filter((m) => m.to.includes(email) && (subject === undefined || mailSubject(m) === subject)).slice(after),
    (mails) => mails.length > 0,
  );

/**
 * Self-registration the whole way, as an applicant does it: `POST /enterprises` (202), the link from
 * the e-mail the worker sends to the test SMTP server, and `POST /enterprises/confirm` with the
 * admin's password, which signs the admin in. For every test and tool that needs a registered
 * (unverified) enterprise; `apiUrl` ends in `/api/v1`, and a worker must send to `smtp`.
 */
export async function registerEnterprise(
  apiUrl: string,
  smtp: MailBox,
  body: RegisterEnterpriseRequest,
  password: string,
  headers: Record<string, string> = {},
): Promise<LoginResponse & { enterpriseId: string }> {
  const email = body.adminEmail.trim().toLowerCase();
  const before = smtp.received.filter((m) => m.to.includes(email)).length;
  const post = (path: string, json: unknown) =>
    fetch(`${apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(json) });
  const registered = await post('/enterprises', body);
  if (registered.status !== 202) throw new Error(`registration answered ${registered.status}: ${await registered.text()}`);
  const [mail] = await mailsTo(smtp, email, before);
  const token = registrationSecretIn(mail);
  if (!token) throw new Error(`the registration e-mail to ${email} holds no link: ${mailText(mail)}`);
  const confirmed = await post('/enterprises/confirm', { token, password });
  if (confirmed.status !== 200) throw new Error(`confirming the registration answered ${confirmed.status}: ${await confirmed.text()}`);
  const signedIn = (await confirmed.json()) as LoginResponse;
  return { ...signedIn, enterpriseId: signedIn.user.organisationId as string };
}
