import { UnsupportedMediaTypeException } from '@nestjs/common';
import { hasControlCharacter } from '@skillbridge/domain';
import type { FastifyRequest } from 'fastify';
import { ValidationFailed } from '../common/validation';

export interface Upload {
  fields: Record<string, string>;
  fileName: string;
  format: 'csv' | 'xlsx';
  bytes: Buffer;
}

/** The largest file accepted: 10^5 students as CSV are ~10 MB, as XLSX less. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

/** XLSX is a ZIP: it starts with PK\x03\x04 whatever the file is called. */
const isZip = (bytes: Buffer): boolean => bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;

/**
 * Reads a multipart form with one `file` and the named text fields, in any order. Unknown fields
 * and a second file are refused like unknown JSON fields. The file's size is capped by the
 * multipart plugin (413 PAYLOAD_TOO_LARGE).
 */
export async function readUpload(request: FastifyRequest, fieldNames: string[]): Promise<Upload> {
  if (!request.isMultipart()) throw new UnsupportedMediaTypeException('Send the file as multipart/form-data');
  const fields: Record<string, string> = {};
  const errors: Array<{ field: string; message: string }> = [];
  let file: { name: string; bytes: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) {
        await part.toBuffer();
        errors.push({ field: part.fieldname, message: part.fieldname === 'file' ? 'only one file may be sent' : 'is not a known field' });
        continue;
      }
      file = { name: part.filename || 'upload', bytes: await part.toBuffer() };
    } else if (fieldNames.includes(part.fieldname)) {
      const value = String(part.value ?? '');
      // A NUL cannot be stored (PostgreSQL's text refuses it) and no other control character belongs in a field.
      if (hasControlCharacter(value)) errors.push({ field: part.fieldname, message: `${part.fieldname} may not hold control characters` });
      else fields[part.fieldname] = value;
    } else {
      errors.push({ field: part.fieldname, message: 'is not a known field' });
    }
  }
  if (file && hasControlCharacter(file.name)) errors.push({ field: 'file', message: 'the file name may not hold control characters' });
  if (!file || file.bytes.length === 0) errors.push({ field: 'file', message: 'file is required: a CSV (UTF-8) or XLSX spreadsheet' });
  if (errors.length || !file) throw new ValidationFailed(errors);
  const format = isZip(file.bytes) ? 'xlsx' : 'csv';
  return { fields, fileName: file.name.slice(0, 200), format, bytes: file.bytes };
}
