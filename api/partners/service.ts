import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { sha256 } from '../shared/sha256';
import type { Partner } from '../../prisma/generated/client';
import { ApiError } from '../http/errors';
import type { createPartnerSchema } from './schemas';


const present = (p: Partner) => ({
  id: p.id, name: p.name, sourceLevel: p.sourceLevel as z.infer<typeof createPartnerSchema>['sourceLevel'],
  createdAt: p.createdAt.toISOString(), revokedAt: p.revokedAt?.toISOString() ?? null,
});

export function createPartnerService(db: Db) {
  return {
    async list() {
      return { items: (await db.partner.findMany({ orderBy: { createdAt: 'asc' } })).map(present) };
    },

    /** Adds a partner with a new random key, answered once. A second key for the same partner: add it again under a new name, then revoke the old. */
    async create(input: z.infer<typeof createPartnerSchema>) {
      const apiKey = `jjp_${crypto.randomBytes(24).toString('base64url')}`;
      const existing = await db.partner.findUnique({ where: { name: input.name } });
      if (existing) throw ApiError.conflict('partner_exists', 'a partner with this name exists', [{ field: 'name', message: 'is taken' }]);
      const row = await db.partner.create({ data: { name: input.name, sourceLevel: input.sourceLevel, apiKeyHash: sha256(apiKey) } });
      return { ...present(row), apiKey };
    },

    async revoke(id: string) {
      const row = await db.partner.findUnique({ where: { id } });
      if (!row) throw ApiError.notFound('partner');
      return present(row.revokedAt ? row : await db.partner.update({ where: { id }, data: { revokedAt: new Date() } }));
    },

    /** The partner a key belongs to, while it is not revoked. */
    async byKey(apiKey: string) {
      const row = await db.partner.findUnique({ where: { apiKeyHash: sha256(apiKey) } });
      return row && !row.revokedAt ? row : undefined;
    },
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
