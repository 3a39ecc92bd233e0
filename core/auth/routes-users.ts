import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/index.ts';
import { STAFF_ROLES } from '../db/schema/index.ts';
import type { Orm } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from '../http/env.ts';
import { body, IdParam, json, problems, Timestamp, Uuid } from '../http/schemas.ts';
import { assertScope, assertUnrestricted } from './principal.ts';
import { createSigninCode, createStaffUser, getStaffUser, listStaffUsers, type StaffUser, updateStaffUser } from './users.ts';

const tags = ['Staff'];

export const StaffUserOut = z
  .object({
    id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), company_ids: z.array(z.uuid()).nullable(),
    has_password: z.boolean(), created_at: Timestamp, disabled_at: Timestamp.nullable(),
  })
  .openapi('StaffUser');
const fields = {
  email: z.email('is not an email address').max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(STAFF_ROLES),
  company_ids: z.array(Uuid).min(1).max(1000).nullable(),
  password: z.string().min(10, 'must be at least 10 characters').max(200).nullable(),
};
const Create = z.strictObject(fields).partial({ company_ids: true, password: true }).openapi('StaffUserCreate');
const Patch = z.strictObject({ ...fields, disabled: z.boolean() }).partial().openapi('StaffUserPatch');
const SigninLink = z.object({ code: z.string(), url: z.string().nullable(), expires_at: Timestamp }).openapi('SigninLink');

const list = createRoute({ method: 'get', path: '/', operationId: 'listStaffUsers', tags, summary: 'The staff of the embedded default (admin)', responses: { 200: json(z.object({ items: z.array(StaffUserOut) }), 'Every staff member'), ...problems() } });
const create = createRoute({ method: 'post', path: '/', operationId: 'createStaffUser', tags, summary: 'Add a staff member (admin)', request: body(Create), responses: { 201: json(StaffUserOut, 'Added'), ...problems(400, 409, 413, 415, 422) } });
const patch = createRoute({ method: 'patch', path: '/{id}', operationId: 'updateStaffUser', tags, summary: 'Change a staff member; disabled: true signs them out everywhere (admin)', request: { params: IdParam, ...body(Patch) }, responses: { 200: json(StaffUserOut, 'Changed'), ...problems(400, 404, 409, 413, 415, 422) } });
const link = createRoute({ method: 'post', path: '/{id}/signin-link', operationId: 'createSigninLink', tags, summary: 'A one-time sign-in link for a staff member, valid 24 hours (admin)', request: { params: IdParam }, responses: { 201: json(SigninLink, 'The link'), ...problems(404, 422) } });

/** How a sign-in link's code becomes a URL the person opens (the intranet app's address), if the application serves one. */
export type SigninUrl = (code: string, origin: string) => string | null;

/** `/api/users`: staff members, for admins who see every company. */
export function staffUserRoutes(orm: Orm, signinUrl: SigninUrl | undefined): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use(async (c, next) => {
    assertScope(c.var.principal, 'admin');
    assertUnrestricted(c.var.principal, 'manage staff');
    await next();
  });
  app.openapi(list, async (c) => c.json({ items: (await listStaffUsers(orm)).map(staffUserOut) }, 200));
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const user = await createStaffUser(orm, { email: input.email, name: input.name, role: input.role, companyIds: input.company_ids ?? null, password: input.password ?? null });
    await audit(orm, { actor: c.var.principal.actor, action: 'staff_user.create', targetType: 'staff_user', targetId: user.id, requestId: c.var.requestId, details: { role: user.role } });
    return c.json(staffUserOut(user), 201);
  });
  app.openapi(patch, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const user = await updateStaffUser(orm, id, {
      ...(input.email ? { email: input.email } : {}), ...(input.name ? { name: input.name } : {}), ...(input.role ? { role: input.role } : {}),
      ...(input.company_ids !== undefined ? { companyIds: input.company_ids } : {}), ...(input.password !== undefined ? { password: input.password } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    });
    await audit(orm, { actor: c.var.principal.actor, action: 'staff_user.update', targetType: 'staff_user', targetId: id, requestId: c.var.requestId, details: { fields: Object.keys(input).filter((f) => f !== 'password').concat(input.password !== undefined ? ['password'] : []) } });
    return c.json(staffUserOut(user), 200);
  });
  app.openapi(link, async (c) => {
    const { id } = c.req.valid('param');
    const user = await getStaffUser(orm, id);
    if (!user || user.disabledAt) throw new CrmError('not_found', `Staff member ${id} not found`);
    const { code, expiresAt } = await createSigninCode(orm, user.id, 24 * 3_600_000);
    await audit(orm, { actor: c.var.principal.actor, action: 'staff_user.signin_link', targetType: 'staff_user', targetId: id, requestId: c.var.requestId });
    return c.json({ code, url: signinUrl?.(code, new URL(c.req.url).origin) ?? null, expires_at: expiresAt.toISOString() }, 201);
  });
  return app;
}

export function staffUserOut(user: StaffUser): z.infer<typeof StaffUserOut> {
  return {
    id: user.id, email: user.email, name: user.name, role: user.role, company_ids: user.companyIds, has_password: user.hasPassword,
    created_at: user.createdAt.toISOString(), disabled_at: user.disabledAt?.toISOString() ?? null,
  };
}
