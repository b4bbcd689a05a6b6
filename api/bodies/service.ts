// The bodies master data, kept by the administrator. A body is never deleted: cases sent there
// keep naming it, so it is retired (inactive) instead.
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { BodyKind } from '../../domain/bodies';
import type { Body, Prisma } from '../../prisma/generated/client';
import { ApiError } from '../http/errors';
import type { createBodySchema, listBodiesQuery, updateBodySchema } from './schemas';

const present = (b: Body) => ({
  id: b.id, name: b.name, kind: b.kind as BodyKind, contactName: b.contactName, contactPhone: b.contactPhone,
  contactEmail: b.contactEmail, address: b.address, active: b.active, updatedAt: b.updatedAt.toISOString(),
});

const nameTaken = (name: string) => ApiError.conflict('body_name_taken', `a body named "${name}" exists already`, [{ field: 'name', message: 'is taken' }]);

/** Two administrators saving the same name at once: the unique index decides, and the loser is told so. */
const uniqueName = (name: string | undefined) => (e: unknown): never => {
  if (name && (e as { code?: string }).code === 'P2002') throw nameTaken(name);
  throw e;
};

export function createBodyService(db: Db) {
  async function assertNameFree(name: string, except?: string) {
    const same = await db.body.findUnique({ where: { name } });
    if (same && same.id !== except) throw nameTaken(name);
  }

  return {
    async list(q: z.infer<typeof listBodiesQuery>) {
      const where: Prisma.BodyWhereInput = { ...(q.kind ? { kind: q.kind } : {}), ...(q.active !== undefined ? { active: q.active } : {}) };
      const rows = await db.body.findMany({ where, orderBy: [{ kind: 'asc' }, { name: 'asc' }] });
      return { items: rows.map(present) };
    },

    async create(input: z.infer<typeof createBodySchema>) {
      await assertNameFree(input.name);
      return present(await db.body.create({ data: input }).catch(uniqueName(input.name)));
    },

    async update(id: string, patch: z.infer<typeof updateBodySchema>) {
      if (!(await db.body.findUnique({ where: { id } }))) throw ApiError.notFound('body');
      if (patch.name) await assertNameFree(patch.name, id);
      return present(await db.body.update({ where: { id }, data: patch }).catch(uniqueName(patch.name)));
    },
  };
}

export type BodyService = ReturnType<typeof createBodyService>;
