// Open311 GeoReport v2 for partner systems: services are the assistance categories, a partner files a
// petition with its API key (its own request id makes a repeat return the same case), and anyone may
// read the requests partners filed, showing only what the petitioner's public page shows.
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { CATEGORIES, KINDS, type Category, type SOURCE_LEVELS } from '../../domain/case';
import { CATEGORY_LABELS, KIND_LABELS } from '../../domain/labels';
import type { Registration } from '../../domain/registration';
import type { Case } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';
import type { CaseService } from '../cases/service';
import { ApiError } from '../http/errors';
import type { PartnerService } from '../partners/service';
import { presentPublicCase } from '../public/present';
import type { CreateRequestForm, listRequestsQuery } from './schemas';

export interface Open311Deps {
  db: Db;
  cases: Pick<CaseService, 'register'>;
  partners: Pick<PartnerService, 'byKey'>;
}

/** Cases a partner filed are registered by it, under this id prefix. */
const PARTNER_PREFIX = 'partner:';
type SourceLevel = (typeof SOURCE_LEVELS)[number];
const MAX_REQUESTS = 1000;
const DEFAULT_DAYS = 90;

const service = (code: Category) => ({
  service_code: code,
  service_name: CATEGORY_LABELS[code],
  description: `社会救助信访事项：${CATEGORY_LABELS[code]}`,
  metadata: true,
  type: 'realtime',
  keywords: `社会救助,信访,${CATEGORY_LABELS[code]}`,
  group: '社会救助',
});

function definition(code: Category, townships: { code: string; name: string }[]) {
  return {
    service_code: code,
    attributes: [
      {
        variable: true, code: 'township', datatype: 'singlevaluelist', required: false, order: 1,
        datatype_description: 'a township code; required unless address_id names the township',
        description: '乡镇（事项发生地）', values: townships.map((t) => ({ key: t.code, name: t.name })),
      },
      {
        variable: true, code: 'kind', datatype: 'singlevaluelist', required: false, order: 2,
        datatype_description: 'complaint unless given', description: '信访类别', values: KINDS.map((k) => ({ key: k, name: KIND_LABELS[k] })),
      },
      { variable: true, code: 'subject', datatype: 'string', required: false, order: 3, datatype_description: 'up to 200 characters', description: '事由（标题）', values: [] },
    ],
  };
}

/** The public status page's view of a case, in Open311's words: no names, addresses or free text. */
function publicRequest(row: Case, now: Date) {
  const p = presentPublicCase(row, [], now);
  const latest = [p.closedAt, p.repliedAt, p.acceptedAt, p.receivedAt].find(Boolean)!;
  return {
    service_request_id: row.caseNo,
    status: p.stage === 'closed' ? 'closed' : 'open',
    status_notes: p.nextSteps[0]?.description ?? null,
    service_name: CATEGORY_LABELS[row.category as Category],
    service_code: row.category,
    requested_datetime: p.receivedAt,
    updated_datetime: latest,
    expected_datetime: p.replyDueAt,
  };
}

export function createOpen311Service({ db, cases, partners }: Open311Deps) {
  async function township(code: string, field: string) {
    const t = await db.township.findUnique({ where: { code } });
    if (!t) throw ApiError.badRequest([{ field, message: 'is not a township of this county (GET services/{code} lists them)' }]);
    return t.code;
  }

  /** The registration form a partner's request fills in. */
  async function registrationOf(f: CreateRequestForm, partner: { name: string; sourceLevel: string }, receivedAt: Date): Promise<Registration> {
    const [code, village] = f.address_id ? f.address_id.split('/') : [f['attribute[township]']!, undefined];
    const name = `${f.last_name ?? ''}${f.first_name ?? ''}`;
    const facts = [
      f.description!,
      f.address_string ? `地址：${f.address_string}` : '',
      f.lat !== undefined ? `位置：${f.lat},${f.long}` : '',
      f.media_url ? `材料链接：${f.media_url}` : '',
    ].filter(Boolean).join('\n');
    return {
      channel: 'online',
      kind: f['attribute[kind]'],
      source: { level: partner.sourceLevel as SourceLevel, body: partner.name, ...(f.partner_request_id ? { reference: f.partner_request_id } : {}) },
      township: await township(code!, f.address_id ? 'address_id' : 'attribute[township]'),
      village,
      category: f.service_code,
      subject: f['attribute[subject]'] ?? `${CATEGORY_LABELS[f.service_code]}：${f.description!.slice(0, 40)}`,
      facts,
      request: f.description!,
      // Without a name the petitioner is anonymous: contact details alone do not make a petitioner.
      ...(name ? { anonymous: false, petitioner: { name, phone: f.phone, email: f.email, address: f.address_string } } : { anonymous: true }),
      receivedAt: receivedAt.toISOString(),
    };
  }

  return {
    services: () => CATEGORIES.map(service),

    async definition(code: Category) {
      return definition(code, await db.township.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true } }));
    },

    /**
     * Files a partner's request as a case. With partner_request_id the first POST's time is kept,
     * so a repeat registers the very same petition and answers the same case.
     */
    async create(f: CreateRequestForm) {
      const partner = await partners.byKey(f.api_key);
      if (!partner) throw new ApiError(403, 'invalid_api_key', 'the api_key is not a partner\'s current key');
      if (!f.description) throw ApiError.badRequest([{ field: 'description', message: 'is required' }]);
      let receivedAt = new Date();
      let key: string = crypto.randomUUID();
      if (f.partner_request_id) {
        const caseId = `pending:${crypto.randomUUID()}`;
        const row = await db.partnerRequest.upsert({
          where: { partnerId_requestId: { partnerId: partner.id, requestId: f.partner_request_id } },
          create: { partnerId: partner.id, requestId: f.partner_request_id, caseId, receivedAt },
          update: {},
        });
        receivedAt = row.receivedAt;
        key = `open311:${f.partner_request_id}`;
      }
      const actor: AuthUser = {
        id: `${PARTNER_PREFIX}${partner.id}`, username: `${PARTNER_PREFIX}${partner.name}`, displayName: partner.name,
        role: 'desk', townshipCode: null, mustChangePassword: false,
      };
      const { case: c } = await cases.register(await registrationOf(f, partner, receivedAt), key, actor);
      if (f.partner_request_id) {
        await db.partnerRequest.update({ where: { partnerId_requestId: { partnerId: partner.id, requestId: f.partner_request_id } }, data: { caseId: c.id } });
      }
      return [{
        service_request_id: c.caseNo,
        service_notice: `已登记，编号 ${c.caseNo}；信访人凭查询码 ${c.queryCode} 查询办理进度。`,
        account_id: f.account_id ?? null,
      }];
    },

    async list(q: z.infer<typeof listRequestsQuery>) {
      const now = new Date();
      const byId = q.service_request_id !== undefined;
      const status = q.status && q.status.length === 1 ? (q.status[0] === 'closed' ? { stage: 'closed' } : { stage: { not: 'closed' } }) : {};
      const rows = await db.case.findMany({
        where: {
          registeredById: { startsWith: PARTNER_PREFIX },
          ...(byId ? { caseNo: { in: q.service_request_id } } : {
            receivedAt: { gte: q.start_date ? new Date(q.start_date) : new Date(now.getTime() - DEFAULT_DAYS * 86_400_000), ...(q.end_date ? { lte: new Date(q.end_date) } : {}) },
            ...(q.service_code ? { category: q.service_code } : {}),
            ...status,
          }),
        },
        orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }],
        take: MAX_REQUESTS,
      });
      return rows.map((r) => publicRequest(r, now));
    },

    async one(caseNo: string) {
      const row = await db.case.findFirst({ where: { caseNo, registeredById: { startsWith: PARTNER_PREFIX } } });
      if (!row) throw ApiError.notFound('service request');
      return [publicRequest(row, new Date())];
    },
  };
}

export type Open311Service = ReturnType<typeof createOpen311Service>;
