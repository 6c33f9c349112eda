import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, MACHINE_ROUTE_ROLES, ROLES } from '../../apps/api/src/common/auth.decorators';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('Every route states who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('each handler is @Public() or declares @Roles(...) or @MachineRoute(...)', () => {
    const routes: string[] = [];
    const undeclared: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as unknown as { prototype: Record<string, unknown>; name: string };
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          if (method === undefined || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const label = `${controller.name}.${name}`;
          routes.push(label);
          const isPublic = Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller);
          const roles = Reflect.getMetadata(ROLES, handler) ?? Reflect.getMetadata(ROLES, controller);
          const machineRoles = Reflect.getMetadata(MACHINE_ROUTE_ROLES, handler) ?? Reflect.getMetadata(MACHINE_ROUTE_ROLES, controller);
          const declared = (r: unknown) => Array.isArray(r) && r.length > 0;
          if (!isPublic && !declared(roles) && !declared(machineRoles)) undeclared.push(label);
        }
      }
    }
    expect(routes.length).toBeGreaterThan(10);
    expect(undeclared).toEqual([]);
  });

  it('rate-limits login attempts per address (429 after the limit)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.http().post('/api/auth/login').send({ username: 'clerk', password: i < 6 ? 'wrong' : DEMO_PASSWORD });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
