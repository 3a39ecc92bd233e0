import { randomUUID } from 'node:crypto';
import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import { body, IdParam, ItemIn, ItemOut, itemOut, ItemPatch, json, milli, problems } from '../schemas.ts';
import { archiveItem, getItem, insertItem, itemBySku, listItems, type Sql, updateItem } from '../store.ts';
import type { PriceItem } from '../types.ts';

const tags = ['Pricing: price list'];

const list = createRoute({
  method: 'get', path: '/items', operationId: 'pricingListItems', tags, summary: "The own company's price list, by SKU; q finds SKU, names and synonyms",
  request: { query: z.object({ q: z.string().trim().min(1).max(200).optional(), archived: z.enum(['true', 'false']).optional().openapi({ description: 'Include archived items' }) }) },
  responses: { 200: json(z.object({ items: z.array(ItemOut) }), 'The items'), ...problems(404, 422) },
});
const create = createRoute({
  method: 'post', path: '/items', operationId: 'pricingCreateItem', tags, summary: 'Add a product or service to the price list',
  request: body(ItemIn),
  responses: { 201: json(ItemOut, 'The item'), ...problems(400, 404, 409, 422) },
});
const get = createRoute({
  method: 'get', path: '/items/{id}', operationId: 'pricingGetItem', tags, summary: 'A price list item',
  request: { params: IdParam }, responses: { 200: json(ItemOut, 'The item'), ...problems(404, 422) },
});
const patch = createRoute({
  method: 'patch', path: '/items/{id}', operationId: 'pricingUpdateItem', tags, summary: 'Change fields of a price list item',
  request: { params: IdParam, ...body(ItemPatch) }, responses: { 200: json(ItemOut, 'The item'), ...problems(400, 404, 409, 422) },
});
const remove = createRoute({
  method: 'delete', path: '/items/{id}', operationId: 'pricingArchiveItem', tags, summary: 'Take an item off the price list (archived: quotes that name it keep it)',
  request: { params: IdParam }, responses: { 200: json(ItemOut, 'The archived item'), ...problems(404, 422) },
});

type ItemInput = z.infer<typeof ItemIn>;

/** The API's item (quantities in units, øre) as the calculation's (thousandths). */
function itemFrom(id: string, i: ItemInput): PriceItem {
  return {
    id, sku: i.sku, name: i.name, synonyms: i.synonyms, unit: i.unit, unitPriceOre: i.unit_price_ore, vatClass: i.vat_class,
    breaks: i.breaks.map((b) => ({ minQuantity: milli(b.min_quantity), unitPriceOre: b.unit_price_ore })),
    minQuantity: i.min_quantity === null ? null : milli(i.min_quantity), addOns: i.add_ons, validFrom: i.valid_from, validTo: i.valid_to, public: i.public,
  };
}

async function refuseTakenSku(sql: Sql, sku: string, id: string): Promise<void> {
  const other = await itemBySku(sql, sku);
  if (other && other.id !== id) throw new CrmError('conflict', `The price list already has a live item with SKU ${other.sku}`, { issues: [{ path: 'sku', message: 'is taken' }] });
}

/** The price list: the own company's products and services. */
export function itemRoutes(ctx: Ctx): void {
  const selfStore = async (forCompany: (id: string) => Sql) => {
    const self = await ctx.companies.self();
    return { self, store: forCompany(self.id) };
  };

  ctx.routes.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const { store } = await selfStore(c.var.forCompany);
    return c.json({ items: (await listItems(store, { search: q.q, archived: q.archived === 'true' })).map(itemOut) }, 200);
  });

  ctx.routes.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const { self } = await selfStore(c.var.forCompany);
    const item = await ctx.forCompany(self.id).transaction(async (tx) => {
      const id = randomUUID();
      await refuseTakenSku(tx, input.sku, id);
      return insertItem(tx, self.id, itemFrom(id, input));
    });
    return c.json(itemOut(item), 201);
  });

  ctx.routes.openapi(get, async (c) => {
    const { store } = await selfStore(c.var.forCompany);
    const item = await getItem(store, c.req.valid('param').id);
    if (!item) throw new CrmError('not_found', `Price list item ${c.req.valid('param').id} not found`);
    return c.json(itemOut(item), 200);
  });

  ctx.routes.openapi(patch, async (c) => {
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const { self } = await selfStore(c.var.forCompany);
    const item = await ctx.forCompany(self.id).transaction(async (tx) => {
      const current = await getItem(tx, id);
      if (!current || current.archivedAt) throw new CrmError('not_found', `Price list item ${id} not found`);
      const merged = ItemIn.safeParse({ ...itemOut(current), ...changes });
      if (!merged.success) throw new CrmError('validation_failed', merged.error.issues[0]?.message ?? 'Invalid item', { issues: merged.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      await refuseTakenSku(tx, merged.data.sku, id);
      return (await updateItem(tx, itemFrom(id, merged.data)))!;
    });
    return c.json(itemOut(item), 200);
  });

  ctx.routes.openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    const { store } = await selfStore(c.var.forCompany);
    const item = await archiveItem(store, id);
    if (!item) throw new CrmError('not_found', `Price list item ${id} not found`);
    return c.json(itemOut(item), 200);
  });
}
