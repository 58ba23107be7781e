import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { logPersonalDataAccess } from '@skillbridge/access-log';
import { sha256, verifyPassword } from '@skillbridge/accounts';
import { agreementText, renderAgreementPdf, sha256Hex } from '@skillbridge/agreement-documents';
import { signingCodeHash } from '@skillbridge/agreements';
import type {
  AgreementContact,
  AgreementParty,
  AgreementSignatureView,
  AgreementStatus,
  AgreementSummary,
  AgreementTerms,
  AgreementVerification,
  AgreementView,
  GuardianAgreementView,
  Page,
} from '@skillbridge/contracts';
import { run, runOne } from '@skillbridge/db';
import {
  Actor,
  DomainError,
  GUARDIAN_LINK_HOURS,
  SIGNING_CODE_MINUTES,
  SIGNING_CODE_TRIES,
  agreementParties,
  agreementStatus,
  checkGuardianContactEditor,
  checkGuardianLink,
  checkInsuranceCovers,
  checkSignature,
  guardianChannel,
  notFound,
  now,
  signingOpen,
  today,
} from '@skillbridge/domain';
import { JobProducer, jobId } from '@skillbridge/jobs';
import { refreshQuotas, yearsOf } from '@skillbridge/quotas';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { UUID } from '../common/ids';
import { SortKey, paginateRows } from '../common/pagination';
import { AgreementAction, agreementSide, agreementsPolicy } from '../policies/agreements.policy';
import { RulesService } from '../rules/rules.service';
import {
  AGREEMENT,
  AGREEMENT_OF_PLACEMENT,
  APPEND_SIGNATURE,
  AgreementRow,
  END_GUARDIAN_LINKS,
  GuardianLinkRow,
  GUARDIAN_LINK_USED,
  GUARDIAN_LINK_VIEWED,
  KEEP_PDF,
  KEEP_SIGNED_PDF,
  LOCK_AGREEMENT,
  LOCK_GUARDIAN_LINK,
  NEW_GUARDIAN_LINK,
  NEW_SIGNING_CODE,
  NEW_VERSION,
  OPEN_AGREEMENTS_OF_STUDENT,
  SET_GUARDIAN,
  SET_STATUS,
  SIGNATURES,
  SIGNED_VERSION_BY_SHA256,
  SIGNER,
  STUDENT_FOR_GUARDIAN,
  SignatureRow,
  TRY_SIGNING_CODE,
  USE_SIGNING_CODE,
  VERSION_PDFS,
} from './agreements.statements';
import { GuardianContactDto, GuardianSignDto, ListAgreementsQuery, SetInsuranceDto, SignAgreementDto } from './dto/agreement.dto';

interface SummaryRow {
  id: string;
  placement_id: string;
  status: AgreementSummary['status'];
  version: number;
  student_id: string;
  student_name: string;
  enterprise_id: string;
  enterprise_name: string;
  school_id: string;
  school_name: string;
  slot_title: string;
  start_date: string;
  end_date: string;
  minor: boolean;
  insurance: AgreementTerms['insurance'];
  signed: AgreementParty[];
  updated_at: Date;
}

/** Agreements (alias `a`) with their placement (`p`, what the policy decides on), current version, parties and signers. */
const agreements = (db: DataSource | EntityManager): SelectQueryBuilder<ObjectLiteral> =>
  db
    .createQueryBuilder()
    .from('agreements', 'a')
    .innerJoin('placements', 'p', 'p.id = a.placement_id')
    .innerJoin('agreement_versions', 'v', 'v.agreement_id = a.id AND v.version = a.current_version')
    .innerJoin('users', 'u', 'u.id = p.person_id')
    .innerJoin('organisations', 'e', 'e.id = p.enterprise_id')
    .innerJoin('organisations', 'sc', 'sc.id = p.school_id')
    .innerJoin('slots', 's', 's.id = p.slot_id')
    .select(['a.id AS id', 'a.placement_id AS placement_id', 'a.status AS status', 'a.current_version AS version'])
    .addSelect(['p.person_id AS student_id', 'u.name AS student_name', 'p.enterprise_id AS enterprise_id', 'e.name AS enterprise_name'])
    .addSelect(['p.school_id AS school_id', 'sc.name AS school_name', 's.title AS slot_title', 'p.start_date::text AS start_date'])
    .addSelect([
      'p.end_date::text AS end_date',
      "(v.terms #>> '{student,minorAtStart}')::boolean AS minor",
      "v.terms -> 'insurance' AS insurance",
    ])
    .addSelect([
      'ARRAY(SELECT g.party FROM agreement_signatures g WHERE g.agreement_id = a.id AND g.version = a.current_version) AS signed',
      'a.updated_at AS updated_at',
    ]);

/** By start date, as placements are. */
const BY_START: SortKey<SummaryRow>[] = [
  { column: 'p.start_date', kind: 'date', of: (r) => r.start_date },
  { column: 'a.id', kind: 'uuid', of: (r) => r.id },
];

const signatureView = (row: SignatureRow): AgreementSignatureView => ({
  party: row.party,
  signerName: row.signer_name,
  version: row.version,
  termsSha256: row.terms_sha256,
  method: row.method,
  signedAt: row.signed_at.toISOString(),
});

/** A read of an agreement by the enterprise is a read of the student's data by another party (README "personal data"). */
const ACCESS_LOGGED: Partial<Record<Actor['role'], string>> = { enterprise_admin: 'internship agreement' };

const notSeen = () => notFound('The agreement');

/** Every party of the version signed: the agreement is signed. */
const allSigned = (terms: AgreementTerms, signed: readonly AgreementParty[]): boolean =>
  agreementParties(terms.student.minorAtStart).every((p) => signed.includes(p));

@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobProducer,
    private readonly rules: RulesService,
  ) {}

  // ——— reads ———

  async list(actor: Actor, query: ListAgreementsQuery): Promise<Page<AgreementSummary>> {
    const visible = agreementsPolicy.visible(actor);
    const qb = agreements(this.db).where(visible.where, visible.params);
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.placementId) qb.andWhere('a.placement_id = :placementId', { placementId: query.placementId });
    const page = await paginateRows<SummaryRow>(qb, query, BY_START);
    await this.logReads(
      actor,
      page.items.map((r) => r.student_id),
    );
    return {
      items: page.items.map((r) => {
        const parties = agreementParties(r.minor);
        const side = agreementSide(actor, r);
        return {
          id: r.id,
          placementId: r.placement_id,
          status: r.status,
          version: r.version,
          student: { id: r.student_id, name: r.student_name },
          enterprise: { id: r.enterprise_id, name: r.enterprise_name },
          school: { id: r.school_id, name: r.school_name },
          slotTitle: r.slot_title,
          startDate: r.start_date,
          endDate: r.end_date,
          parties,
          signed: r.signed,
          mySide: side && !r.signed.includes(side) && r.status !== 'void' ? side : null,
          signingOpen: r.status !== 'void' && signingOpen({ insurance: r.insurance, dates: { start: r.start_date, end: r.end_date } }),
          updatedAt: r.updated_at.toISOString(),
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  async get(actor: Actor, id: string): Promise<AgreementView> {
    const row = await this.read(actor, id);
    await this.logReads(actor, [row.student_id]);
    return this.view(actor, row);
  }

  async getOfPlacement(actor: Actor, placementId: string): Promise<AgreementView> {
    if (!UUID.test(placementId)) throw notSeen();
    const found = await runOne(this.db, AGREEMENT_OF_PLACEMENT, [placementId]);
    if (!found) throw notSeen();
    return this.get(actor, found.id);
  }

  /** The PDF of a version (the current by default): the signed one with its signature page once every party signed. */
  async pdf(actor: Actor, id: string, version?: number): Promise<{ bytes: Buffer; fileName: string }> {
    const row = await this.read(actor, id);
    const v = version ?? row.current_version;
    const bytes = await this.pdfOf(row.id, v);
    if (!bytes) throw notFound('The version');
    await this.logReads(actor, [row.student_id]);
    return { bytes, fileName: `agreement-${row.id}-v${v}.pdf` };
  }

  private async pdfOf(agreementId: string, version: number, db: EntityManager = this.db.manager): Promise<Buffer | null> {
    const v = await runOne(db, VERSION_PDFS, [agreementId, version]);
    if (!v) return null;
    if (v.signed_pdf) return v.signed_pdf;
    const signatures = (await run(db, SIGNATURES, [agreementId, version])).map(signatureView);
    if (
      allSigned(
        v.terms,
        signatures.map((s) => s.party),
      )
    )
      return this.renderSigned(db, agreementId, version);
    if (v.pdf) return v.pdf;
    // Rendered on first view and kept: deterministic, so a parallel first view stores the same bytes.
    const pdf = await renderAgreementPdf({ agreementId, version, terms: v.terms, termsSha256: v.terms_sha256, issuedAt: v.created_at });
    await run(db, KEEP_PDF, [agreementId, version, pdf, sha256Hex(pdf)]);
    return pdf;
  }

  /** The signed PDF, rendered once with the signature page (when the last signature lands, or first asked for), and kept. */
  private async renderSigned(db: EntityManager, agreementId: string, version: number): Promise<Buffer> {
    const v = await runOne(db, VERSION_PDFS, [agreementId, version]);
    if (!v) throw notFound('The version');
    if (v.signed_pdf) return v.signed_pdf;
    const signatures = (await run(db, SIGNATURES, [agreementId, version])).map(signatureView);
    const pdf = await renderAgreementPdf({
      agreementId,
      version,
      terms: v.terms,
      termsSha256: v.terms_sha256,
      issuedAt: v.created_at,
      signatures,
    });
    await run(db, KEEP_SIGNED_PDF, [agreementId, version, pdf, sha256Hex(pdf)]);
    return (await runOne(db, VERSION_PDFS, [agreementId, version]))?.signed_pdf ?? pdf;
  }

  private async read(actor: Actor, id: string, db: EntityManager = this.db.manager): Promise<AgreementRow> {
    if (!UUID.test(id)) throw notSeen();
    const row = await runOne(db, AGREEMENT, [id]);
    if (!row || !agreementsPolicy.can(actor, 'see', row)) throw notSeen();
    return row;
  }

  private async logReads(actor: Actor, studentIds: string[]): Promise<void> {
    const why = ACCESS_LOGGED[actor.role];
    if (why) await logPersonalDataAccess(this.db.manager, actor, studentIds, 'agreements', why);
  }

  private async view(actor: Actor | null, row: AgreementRow, db: EntityManager = this.db.manager): Promise<AgreementView> {
    const signatures = (await run(db, SIGNATURES, [row.id, row.current_version])).map(signatureView);
    const side = actor ? agreementSide(actor, row) : null;
    const signed = signatures.map((s) => s.party);
    return {
      id: row.id,
      placementId: row.placement_id,
      status: row.status,
      version: row.current_version,
      termsSha256: row.terms_sha256,
      terms: row.terms,
      text: agreementText(row.terms),
      parties: agreementParties(row.terms.student.minorAtStart),
      signatures,
      mySide: side && !signed.includes(side) && row.status !== 'void' ? side : null,
      signingOpen: row.status !== 'void' && signingOpen(row.terms),
      signedPdfSha256: row.signed_pdf_sha256,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  // ——— changes of the terms ———

  /** The agreement, locked, if the actor may do this: not theirs to see is 404, seen but not theirs to do 403. */
  private async lock(tx: EntityManager, actor: Actor, id: string, action: AgreementAction): Promise<AgreementRow> {
    if (!UUID.test(id)) throw notSeen();
    const row = await runOne(tx, LOCK_AGREEMENT, [id]);
    if (!row || !agreementsPolicy.can(actor, 'see', row)) throw notSeen();
    if (!agreementsPolicy.can(actor, action, row)) {
      if (action === 'sign') throw new DomainError('NOT_A_SIGNER', 'forbidden', 'You do not sign this agreement');
      if (action === 'guardian')
        throw new DomainError('GUARDIAN_CONTACT_SCHOOL_ONLY', 'forbidden', 'Only the student’s school deals with the guardian');
      throw new DomainError('FORBIDDEN', 'forbidden', 'Only the school or the enterprise enters the insurance');
    }
    return row;
  }

  /** New terms make a new version (unless nothing changed): its signatures start afresh; open guardian links end. */
  private async changeTerms(tx: EntityManager, agreementId: string, terms: AgreementTerms): Promise<void> {
    const made = await runOne(tx, NEW_VERSION, [agreementId, JSON.stringify(terms), agreementStatus(terms, [])]);
    if (made) await run(tx, END_GUARDIAN_LINKS, [agreementId]);
  }

  async setInsurance(actor: Actor, id: string, body: SetInsuranceDto): Promise<AgreementView> {
    return this.db.transaction(async (tx) => {
      const row = await this.lock(tx, actor, id, 'insure');
      if (row.status === 'void') throw new DomainError('AGREEMENT_VOID', 'conflict', 'The placement was ended: its agreement is void');
      const insurance = {
        insurer: body.insurer.trim(),
        policyNo: body.policyNo.trim(),
        coverageStart: body.coverageStart,
        coverageEnd: body.coverageEnd,
      };
      checkInsuranceCovers(insurance, row.terms.dates);
      await this.changeTerms(tx, row.id, { ...row.terms, insurance });
      return this.view(actor, await this.read(actor, id, tx), tx);
    });
  }

  /** The school enters the guardian's contact: the terms of the student's open agreements change (a new version each). */
  async setGuardian(actor: Actor, studentId: string, body: GuardianContactDto): Promise<AgreementContact> {
    if (!UUID.test(studentId)) throw notFound('The student');
    const contact: AgreementContact = {
      name: body.name.trim(),
      phone: body.phone?.trim() || null,
      email: body.email?.trim().toLowerCase() || null,
    };
    if (!contact.phone && !contact.email) {
      throw new DomainError('GUARDIAN_CONTACT_MISSING', 'unprocessable', 'Give the guardian’s phone or e-mail');
    }
    return this.db.transaction(async (tx) => {
      const student = await runOne(tx, STUDENT_FOR_GUARDIAN, [studentId, actor.role === 'enterprise_admin' ? actor.organisationId : null]);
      // Who may see the student at all: the student, their school, an enterprise hosting them. Anyone else: 404.
      const sees =
        !!student &&
        ((actor.role === 'student' && actor.userId === studentId) ||
          (actor.role === 'school_admin' && actor.organisationId === student.school_id) ||
          (actor.role === 'enterprise_admin' && student.hosted));
      if (!student || !sees) throw notFound('The student');
      checkGuardianContactEditor(actor, student.school_id);
      await run(tx, SET_GUARDIAN, [studentId, contact.name, contact.phone, contact.email]);
      for (const { id } of await run(tx, OPEN_AGREEMENTS_OF_STUDENT, [studentId])) {
        const row = await runOne(tx, LOCK_AGREEMENT, [id]);
        if (!row || !row.terms.student.minorAtStart) continue;
        await this.changeTerms(tx, id, { ...row.terms, guardian: contact });
      }
      return contact;
    });
  }

  // ——— signing ———

  /** A 6-digit code e-mailed to the signer (the worker makes it and keeps only its hash). */
  async sendSigningCode(actor: Actor, id: string): Promise<{ expiresAt: string }> {
    const made = await this.db.transaction(async (tx) => {
      const row = await this.lock(tx, actor, id, 'sign');
      return runOne(tx, NEW_SIGNING_CODE, [actor.userId, row.id, row.current_version, SIGNING_CODE_MINUTES]);
    });
    if (!made) throw new Error('no signing code row');
    await this.jobs.add('agreements.send-signing-code', { codeId: made.id }, jobId('agreements.send-signing-code', made.id));
    return { expiresAt: made.expires_at.toISOString() };
  }

  /** The signatures already on the current version, and the party `party` may sign for now (checkSignature's refusals otherwise). */
  private async checkSigning(
    tx: EntityManager,
    row: { id: string; status: AgreementStatus; current_version: number; terms_sha256: string; terms: AgreementTerms },
    read: { version: number; termsSha256: string },
    party: AgreementParty | null,
  ): Promise<{ signed: AgreementParty[]; party: AgreementParty }> {
    const signed = (await run(tx, SIGNATURES, [row.id, row.current_version])).map((s) => s.party);
    const checked = checkSignature({
      status: row.status,
      currentVersion: row.current_version,
      currentSha256: row.terms_sha256,
      terms: row.terms,
      signed,
      version: read.version,
      termsSha256: read.termsSha256,
      party,
    });
    return { signed, party: checked };
  }

  async sign(actor: Actor, sessionId: string | null, id: string, body: SignAgreementDto): Promise<AgreementView> {
    if (!body.password && !body.code)
      throw new DomainError('SIGNING_PASSWORD_INVALID', 'unprocessable', 'Confirm with your password or a code');
    // A code's try counts even when the signature is refused (5 tries): taken before, outside the signature's transaction.
    let codeId: string | null = null;
    if (body.code) {
      const row = await this.read(actor, id);
      // A code is for the version it was sent for: an outdated read is that, not a wrong code (and costs no try).
      if (body.version !== row.current_version || body.termsSha256.toLowerCase() !== row.terms_sha256) {
        throw new DomainError(
          'AGREEMENT_VERSION_OUTDATED',
          'conflict',
          'The agreement changed since you read it: read the current version and sign that',
          {
            currentVersion: row.current_version,
            version: body.version,
          },
        );
      }
      const open = await runOne(this.db, TRY_SIGNING_CODE, [actor.userId, row.id, body.version, SIGNING_CODE_TRIES]);
      if (!open || open.code_hash !== signingCodeHash(open.id, body.code)) {
        throw new DomainError('SIGNING_CODE_INVALID', 'unprocessable', 'The code is wrong, used or expired: ask for a new one');
      }
      codeId = open.id;
    }
    const signer = await runOne(this.db, SIGNER, [actor.userId]);
    if (!signer) throw notSeen();
    if (!codeId && !(signer.password_hash && (await verifyPassword(signer.password_hash, body.password ?? '')))) {
      throw new DomainError('SIGNING_PASSWORD_INVALID', 'unprocessable', 'The password is wrong');
    }
    const done = await this.db.transaction(async (tx) => {
      const row = await this.lock(tx, actor, id, 'sign');
      const { signed, party } = await this.checkSigning(
        tx,
        row,
        body,
        body.party && body.party !== agreementSide(actor, row) ? null : agreementSide(actor, row),
      );
      const method = codeId ? 'one_time_code' : 'password';
      const appended = await runOne(tx, APPEND_SIGNATURE, [
        row.id,
        row.current_version,
        party,
        actor.userId,
        signer.name,
        row.terms_sha256,
        method,
        sessionId,
      ]);
      if (!appended) throw new DomainError('ALREADY_SIGNED', 'conflict', 'This version is already signed for your party', { party });
      if (codeId) await run(tx, USE_SIGNING_CODE, [codeId]);
      return this.afterSignature(tx, row, [...signed, party]);
    });
    if (done) await this.renderSigned(this.db.manager, done.agreementId, done.version);
    return this.get(actor, id);
  }

  /**
   * After a signature: `signing` stays until every party of the version signed; then `signed`, the placement's
   * `agreement_signed_at` set and (a placement already counted before agreements) its hosted count refreshed.
   */
  private async afterSignature(
    tx: EntityManager,
    row: AgreementRow,
    signed: AgreementParty[],
  ): Promise<{ agreementId: string; version: number } | null> {
    if (!allSigned(row.terms, signed)) return null;
    await run(tx, SET_STATUS, [row.id, 'signed']);
    for (const year of yearsOf(row.terms.dates.start, row.terms.dates.end))
      await refreshQuotas(tx, await this.rules.forYear(year), [row.enterprise_id], today());
    return { agreementId: row.id, version: row.current_version };
  }

  // ——— the guardian ———

  /** A one-time link to the guardian (e-mail, or the webhook channel for SMS when only a phone is known). */
  async sendGuardianLink(actor: Actor, id: string): Promise<{ channel: 'email' | 'webhook'; expiresAt: string }> {
    const link = await this.db.transaction(async (tx) => {
      const row = await this.lock(tx, actor, id, 'guardian');
      if (row.status === 'void') throw new DomainError('AGREEMENT_VOID', 'conflict', 'The placement was ended: its agreement is void');
      const channel = guardianChannel(row.terms);
      const signed = (await run(tx, SIGNATURES, [row.id, row.current_version])).map((s) => s.party);
      if (signed.includes('guardian'))
        throw new DomainError('ALREADY_SIGNED', 'conflict', 'The guardian has signed this version', { party: 'guardian' });
      if (!signingOpen(row.terms)) {
        throw new DomainError(
          'SIGNING_NOT_OPEN',
          'conflict',
          'Signing opens once the insurance is entered and covers the placement’s dates',
        );
      }
      const made = await runOne(tx, NEW_GUARDIAN_LINK, [row.id, row.current_version, channel, GUARDIAN_LINK_HOURS]);
      if (!made) throw new Error('no guardian link row');
      return { ...made, channel };
    });
    await this.jobs.add('agreements.send-guardian-link', { linkId: link.id }, jobId('agreements.send-guardian-link', link.id));
    return { channel: link.channel, expiresAt: link.expires_at.toISOString() };
  }

  /** The link's row and its agreement, checked: unknown, used, replaced, expired, or for a version no longer current → GUARDIAN_LINK_INVALID. */
  private async guardianLink(tx: EntityManager, token: string): Promise<{ link: GuardianLinkRow; row: AgreementRow }> {
    const link = await runOne(tx, LOCK_GUARDIAN_LINK, [sha256(token)]);
    checkGuardianLink(link ? { usedAt: link.used_at, replaced: link.replaced, expiresAt: link.expires_at } : null, now());
    const row = link ? await runOne(tx, LOCK_AGREEMENT, [link.agreement_id]) : undefined;
    if (!link || !row || row.current_version !== link.version || row.status === 'void') {
      throw new DomainError(
        'GUARDIAN_LINK_INVALID',
        'invalid',
        'This link is wrong, used, replaced or expired: ask the school for a new one',
      );
    }
    return { link, row };
  }

  async guardianView(token: string): Promise<GuardianAgreementView> {
    return this.db.transaction(async (tx) => {
      const { link, row } = await this.guardianLink(tx, token);
      await run(tx, GUARDIAN_LINK_VIEWED, [link.id]);
      return {
        agreementId: row.id,
        version: row.current_version,
        termsSha256: row.terms_sha256,
        studentName: row.terms.student.name,
        guardianName: row.terms.guardian?.name ?? '',
        text: agreementText(row.terms),
        expiresAt: link.expires_at.toISOString(),
      };
    });
  }

  async guardianPdf(token: string): Promise<{ bytes: Buffer; fileName: string }> {
    const { row } = await this.db.transaction((tx) => this.guardianLink(tx, token));
    const bytes = await this.pdfOf(row.id, row.current_version);
    if (!bytes) throw notSeen();
    return { bytes, fileName: `agreement-${row.id}-v${row.current_version}.pdf` };
  }

  async guardianSign(body: GuardianSignDto): Promise<{ signedAt: string }> {
    const done = await this.db.transaction(async (tx) => {
      const { link, row } = await this.guardianLink(tx, body.token);
      if (!link.viewed_at) throw new DomainError('GUARDIAN_NOT_VIEWED', 'conflict', 'Read the agreement before signing it');
      const { signed } = await this.checkSigning(tx, row, body, 'guardian');
      const name = row.terms.guardian?.name ?? '';
      const appended = await runOne(tx, APPEND_SIGNATURE, [
        row.id,
        row.current_version,
        'guardian',
        null,
        name,
        row.terms_sha256,
        'guardian_link',
        link.id,
      ]);
      if (!appended) throw new DomainError('ALREADY_SIGNED', 'conflict', 'The guardian has signed this version', { party: 'guardian' });
      await run(tx, GUARDIAN_LINK_USED, [link.id]);
      const complete = await this.afterSignature(tx, row, [...signed, 'guardian']);
      return { signedAt: appended.signed_at, complete };
    });
    if (done.complete) await this.renderSigned(this.db.manager, done.complete.agreementId, done.complete.version);
    return { signedAt: done.signedAt.toISOString() };
  }

  // ——— verification ———

  /** Whether these bytes are exactly a signed version's PDF as issued, and who signed it when. */
  async verifyPdf(bytes: Buffer): Promise<AgreementVerification> {
    return this.verify(sha256Hex(bytes), null);
  }

  async verify(hash: string, agreementId: string | null): Promise<AgreementVerification> {
    const sha = hash.toLowerCase();
    if (agreementId !== null && !UUID.test(agreementId)) throw notSeen();
    const found = await runOne(this.db, SIGNED_VERSION_BY_SHA256, [sha, agreementId]);
    if (!found) return { valid: false, sha256: sha, agreementId, version: null, signatures: [] };
    const signatures = (await run(this.db, SIGNATURES, [found.agreement_id, found.version])).map(signatureView);
    return { valid: true, sha256: sha, agreementId: found.agreement_id, version: found.version, signatures };
  }
}
