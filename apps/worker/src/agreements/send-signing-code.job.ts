import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newSigningCode, signingCodeHash } from '@skillbridge/agreements';
import { runOne } from '@skillbridge/db';
import { signingCodeMessage } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { EmailChannel } from '../channels/email.channel';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { ARM_SIGNING_CODE } from './agreements.statements';

/**
 * E-mails a signer the one-time code that confirms a signature (6 digits, 10 minutes, 5 tries). Made here, at
 * the moment of sending; the row keeps only its salted SHA-256; a retry makes a new code (the one sent before
 * stops working).
 */
@Injectable()
@HandlesJob('agreements.send-signing-code')
export class SendSigningCodeJob implements JobHandler<'agreements.send-signing-code'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly email: EmailChannel,
  ) {}

  async handle({ codeId }: { codeId: string }, context: { attempt: number }): Promise<void> {
    const code = newSigningCode();
    const signer = await runOne(this.db, ARM_SIGNING_CODE, [codeId, signingCodeHash(codeId, code)]);
    if (!signer) return;
    const { subject, text } = signingCodeMessage(signer.locale, { name: signer.name, code, studentName: signer.student_name });
    await this.email.send({ deliveryId: `signing-code-${codeId}-${context.attempt}`, to: signer.email, subject, text });
  }
}
