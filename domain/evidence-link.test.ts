import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_SUBFOLDERS, evidenceFolderLayout, evidenceFolderName, isHttpUrl } from './evidence-link.js';

describe('isHttpUrl', () => {
  it.each([
    'https://drive.google.com/drive/folders/1AbC_dEf-123',
    'http://example.com',
    'HTTPS://EXAMPLE.COM/x?y=1#z',
    'https://sharepoint.example.mx/sites/ot/Shared%20Documents',
    'http://192.168.1.10:8080/evidencia',
  ])('accepts %s', (url) => expect(isHttpUrl(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'JavaScript://example.com/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/file',
    'file:///etc/passwd',
    '/relative/path',
    'drive.google.com/drive/folders/1',
    '//example.com/x',
    'http:/example.com',
    'https://',
    'https:///path',
    'https://exa mple.com',
    ' https://example.com',
    'https://example.com/ x',
    'https://example.com/\nx',
    '',
    `https://example.com/${'a'.repeat(2100)}`,
    null,
    42,
  ])('rejects %j', (url) => expect(isHttpUrl(url)).toBe(false));

  it('accepts only strings that start with http(s):// (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        if (isHttpUrl(s)) expect(s).toMatch(/^https?:\/\/\S+$/i);
      }),
    );
  });
});

describe('evidence folder naming', () => {
  it('proposes <folio>_<Mes>_<año>/', () => {
    expect(evidenceFolderName('OTE-2025-001', 3, 2025)).toBe('OTE-2025-001_Marzo_2025/');
    expect(evidenceFolderName('OTE-2025-001', 12, 2024)).toBe('OTE-2025-001_Diciembre_2024/');
  });

  it('makes folios path-safe', () => {
    expect(evidenceFolderName(' OT/GRZ 801\\23 ', 1, 2025)).toBe('OT-GRZ_801-23_Enero_2025/');
  });

  it('lists the four sub-folders', () => {
    expect(EVIDENCE_SUBFOLDERS).toEqual(['Fotos_Diarias/', 'Reportes_Operativos/', 'GPU_Evidencias/', 'Incidentes/']);
    expect(evidenceFolderLayout('OTE-2025-001', 3, 2025)).toEqual({
      root: 'OTE-2025-001_Marzo_2025/',
      subfolders: [
        'OTE-2025-001_Marzo_2025/Fotos_Diarias/',
        'OTE-2025-001_Marzo_2025/Reportes_Operativos/',
        'OTE-2025-001_Marzo_2025/GPU_Evidencias/',
        'OTE-2025-001_Marzo_2025/Incidentes/',
      ],
    });
  });
});
