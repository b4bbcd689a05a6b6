// Partner systems (a city's 12345 platform, an online petition site) that file cases through
// Open311: the administrator adds one and hands its key over; revoking it ends its access.
import { route, type Route } from '../http/route';
import { createPartnerSchema, newPartnerSchema, partnerIdParams, partnerListSchema, partnerSchema } from './schemas';
import type { PartnerService } from './service';

export function partnerRoutes(partners: PartnerService): Route[] {
  return [
    route({
      method: 'get', path: '/api/partners', tag: 'partners', summary: 'List Open311 partners', permission: 'partners.manage',
      responses: { 200: { description: 'every partner, revoked ones included', schema: partnerListSchema } },
      handle: async () => ({ body: await partners.list() }),
    }),
    route({
      method: 'post', path: '/api/partners', tag: 'partners', summary: 'Add an Open311 partner and issue its API key', permission: 'partners.manage',
      body: createPartnerSchema, audit: () => 'partners.create',
      responses: {
        201: { description: 'the partner with its API key, shown this once', schema: newPartnerSchema },
        409: { description: 'a partner with this name exists' },
      },
      handle: async ({ body }) => {
        const p = await partners.create(body);
        return { status: 201, body: p, headers: { Location: `/api/partners/${p.id}`, 'Cache-Control': 'no-store' } };
      },
    }),
    route({
      method: 'post', path: '/api/partners/:id/revoke', tag: 'partners', summary: 'Revoke an Open311 partner\'s API key', permission: 'partners.manage',
      params: partnerIdParams, audit: () => 'partners.revoke',
      responses: { 200: { description: 'the partner, revoked', schema: partnerSchema }, 404: { description: 'no such partner' } },
      handle: async ({ params }) => ({ body: await partners.revoke(params.id) }),
    }),
  ];
}
