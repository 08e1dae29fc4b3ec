import { z } from 'zod';
import { Id, RequiredText } from './common';
import { Role } from './auth';

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  locale: z.string(),
  mustChangePassword: z.boolean(),
  siteIds: z.array(z.number().int()),
  workOrderIds: z.array(z.number().int()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

const Email = z.string().trim().toLowerCase().email('Correo electrónico inválido').max(254);

export const CreateUserBody = z.object({
  email: Email,
  name: RequiredText(150),
  role: Role,
  password: z.string().min(10, 'La contraseña debe tener al menos 10 caracteres').max(1024),
  siteIds: z.array(Id).max(500).default([]),
  workOrderIds: z.array(Id).max(5000).default([]),
  locale: z.enum(['es-MX', 'en']).default('es-MX'),
});

export const UpdateUserBody = z
  .object({
    name: RequiredText(150),
    role: Role,
    active: z.boolean(),
    siteIds: z.array(Id).max(500),
    workOrderIds: z.array(Id).max(5000),
    locale: z.enum(['es-MX', 'en']),
  })
  .partial();

export const ResetPasswordBody = z.object({
  password: z.string().min(10, 'La contraseña debe tener al menos 10 caracteres').max(1024),
});
