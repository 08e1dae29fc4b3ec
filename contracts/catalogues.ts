import { z } from 'zod';
import { Id, RequiredText, Text } from './common';

export const SiteKind = z.enum(['yard', 'vessel', 'platform', 'interconnection']);
export type SiteKind = z.infer<typeof SiteKind>;

export const Client = z.object({
  id: Id,
  name: z.string(),
  taxId: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CreateClientBody = z.object({
  name: RequiredText(200),
  taxId: Text(20).nullish(),
  notes: Text(2000).nullish(),
});
export const UpdateClientBody = CreateClientBody.partial().extend({ active: z.boolean().optional() });

export const Site = z.object({
  id: Id,
  name: z.string(),
  kind: SiteKind,
  notes: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CreateSiteBody = z.object({
  name: RequiredText(100),
  kind: SiteKind,
  notes: Text(2000).nullish(),
});
export const UpdateSiteBody = CreateSiteBody.partial().extend({ active: z.boolean().optional() });

export const Unit = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CreateUnitBody = z.object({
  code: RequiredText(20).transform((s) => s.toUpperCase()),
  name: RequiredText(100),
  aliases: z.array(RequiredText(50)).max(50).default([]),
});
export const UpdateUnitBody = CreateUnitBody.partial().extend({ active: z.boolean().optional() });

export const Front = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CreateFrontBody = z.object({
  code: RequiredText(20).transform((s) => s.toUpperCase()),
  name: RequiredText(100),
});
export const UpdateFrontBody = CreateFrontBody.partial().extend({ active: z.boolean().optional() });
