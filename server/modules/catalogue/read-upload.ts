/**
 * Reads the one workbook of a multipart upload (field `file`) into memory, turning the size
 * limit and a missing file into clear Spanish errors. Imports keep the bytes (import_jobs.file),
 * so reading them whole is what we need anyway; the limit bounds the memory.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError, payloadTooLarge } from '../../../domain/errors';
import { invalid } from '../../fail';

export interface Upload {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  /** Text fields sent before the file. */
  fields: Record<string, string>;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('es-MX', { maximumFractionDigits: 1 });
}

export function tooLarge(limitBytes: number): DomainError {
  const e = payloadTooLarge(limitBytes);
  return new DomainError('payload_too_large', {
    message: `El archivo excede el tamaño máximo permitido (${megabytes(limitBytes)} MB). Divida el archivo o pida al administrador que aumente el límite (CARPETA_MAX_UPLOAD_MB).`,
    messageEn: `The file exceeds the maximum allowed size (${megabytes(limitBytes)} MB).`,
    details: e.details,
  });
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readUpload(request: FastifyRequest, limitBytes: number): Promise<Upload> {
  if (!request.isMultipart()) {
    throw invalid([{ path: 'body.file', message: 'Envíe el archivo como multipart/form-data en el campo «file»' }]);
  }
  let part;
  try {
    part = await request.file({ limits: { fileSize: limitBytes } });
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limitBytes);
    throw invalid([{ path: 'body.file', message: 'La carga del archivo no es válida (multipart mal formado)' }]);
  }
  if (!part) throw invalid([{ path: 'body.file', message: 'Falta el archivo: envíelo en el campo «file»' }]);
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limitBytes);
    throw error;
  }
  if (part.file.truncated) throw tooLarge(limitBytes);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && typeof v === 'object' && 'value' in v && typeof v.value === 'string') fields[name] = v.value;
  }
  const fileName = (part.filename || 'archivo.xlsx').replace(/[\\/]/g, '_').slice(0, 200);
  return { fileName, bytes, sha256: sha256(bytes), fields };
}
