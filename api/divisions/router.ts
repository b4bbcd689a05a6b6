import { countySchema, townshipSchema } from '../../domain/divisions';
import { route, type Route } from '../http/route';
import {
  countyResponse, importParams, importQuery, importReportSchema, newVillageSchema, renameSchema, townshipList, townshipParams,
  townshipResponse, villageList, villageParams, villageResponse, villagesQuery,
} from './schemas';
import type { DivisionService } from './service';
import { readUpload, spreadsheetBody, uploadRefusals } from './spreadsheet';

const badRow = { 400: { description: 'a field is invalid, or the code or name clashes with another division' } };

export function divisionRoutes(divisions: DivisionService): Route[] {
  return [
    route({
      method: 'get', path: '/api/county', tag: 'divisions', summary: 'Show the county', permission: 'divisions.read',
      responses: { 200: { description: 'the county\'s code and name; null before the administrator enters them', schema: countyResponse } },
      handle: async () => ({ body: await divisions.county() }),
    }),
    route({
      method: 'put', path: '/api/county', tag: 'divisions', summary: 'Set the county\'s code and name', permission: 'divisions.manage',
      body: countySchema, audit: () => 'county.update',
      responses: { 200: { description: 'the county', schema: townshipResponse } },
      handle: async ({ body }) => ({ body: await divisions.setCounty(body) }),
    }),
    route({
      method: 'get', path: '/api/townships', tag: 'divisions', summary: 'List townships', permission: 'townships.read',
      responses: { 200: { description: 'the county\'s townships', schema: townshipList } },
      handle: async () => ({ body: await divisions.listTownships() }),
    }),
    route({
      method: 'post', path: '/api/townships', tag: 'divisions', summary: 'Add or rename a township', permission: 'divisions.manage',
      body: townshipSchema, audit: () => 'townships.save',
      responses: { 200: { description: 'the township', schema: townshipResponse }, ...badRow },
      handle: async ({ body }) => ({ body: await divisions.saveTownship(body.code, body.name, false) }),
    }),
    route({
      method: 'patch', path: '/api/townships/:code', tag: 'divisions', summary: 'Rename a township', permission: 'divisions.manage',
      params: townshipParams, body: renameSchema, audit: () => 'townships.save',
      responses: { 200: { description: 'the township', schema: townshipResponse }, 404: { description: 'no such township' }, ...badRow },
      handle: async ({ params, body }) => ({ body: await divisions.saveTownship(params.code, body.name, true) }),
    }),
    route({
      method: 'get', path: '/api/villages', tag: 'divisions', summary: 'List villages', permission: 'divisions.read',
      query: villagesQuery,
      responses: { 200: { description: 'the villages, of one township when asked, by code', schema: villageList } },
      handle: async ({ query }) => ({ body: await divisions.listVillages(query.township) }),
    }),
    route({
      method: 'post', path: '/api/villages', tag: 'divisions', summary: 'Add or rename a village', permission: 'divisions.manage',
      body: newVillageSchema, audit: () => 'villages.save',
      responses: { 200: { description: 'the village', schema: villageResponse }, ...badRow },
      handle: async ({ body }) => ({ body: await divisions.saveVillage(body, false) }),
    }),
    route({
      method: 'get', path: '/api/villages/:code', tag: 'divisions', summary: 'Look up a village', permission: 'divisions.read',
      params: villageParams,
      responses: { 200: { description: 'the village and its township', schema: villageResponse }, 404: { description: 'no such village' } },
      handle: async ({ params }) => ({ body: await divisions.getVillage(params.code) }),
    }),
    route({
      method: 'patch', path: '/api/villages/:code', tag: 'divisions', summary: 'Rename a village', permission: 'divisions.manage',
      params: villageParams, body: renameSchema, audit: () => 'villages.save',
      responses: { 200: { description: 'the village', schema: villageResponse }, 404: { description: 'no such village' }, ...badRow },
      handle: async ({ params, body }) => {
        const v = await divisions.getVillage(params.code);
        return { body: await divisions.saveVillage({ code: v.code, name: body.name, townshipCode: v.township.code }, true) };
      },
    }),
    route({
      method: 'post', path: '/api/imports/:kind', tag: 'divisions', summary: 'Import townships or villages from a spreadsheet', permission: 'divisions.manage',
      params: importParams, query: importQuery, audit: (p) => `import.${p.kind}`,
      fileBody: spreadsheetBody('code (代码) and name (名称), and for villages township (乡镇代码)'),
      responses: {
        200: { description: 'what the import wrote (or, with dryRun, would write), and every rejected row with its reason', schema: importReportSchema },
        ...uploadRefusals,
      },
      handle: async ({ params, query, req }) => ({ body: await divisions.import(params.kind, await readUpload(req), query.dryRun) }),
    }),
  ];
}
