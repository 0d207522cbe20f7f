import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { helmetHeaders, securityHeaders } from '../../src/platform/http/security-headers.js';

const POLICY = { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null } }, hsts: false } as const;

describe('security headers', () => {
  it('are the headers helmet sets for the options, read once', () => {
    const headers = helmetHeaders(POLICY);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'SAMEORIGIN' });
    expect(headers).not.toHaveProperty('strict-transport-security');
    expect(helmetHeaders({ ...POLICY, hsts: { maxAge: 60 } })['strict-transport-security']).toBe('max-age=60; includeSubDomains');
  });

  it('are on every answer: found, not found and failed', async () => {
    const app = Fastify();
    await app.register(securityHeaders, { helmet: POLICY });
    app.get('/ok', async () => ({ ok: true }));
    app.get('/fails', async () => {
      throw new Error('broken');
    });
    const expected = helmetHeaders(POLICY);
    for (const url of ['/ok', '/missing', '/fails']) {
      const response = await app.inject({ url });
      expect(response.headers, url).toMatchObject(expected);
    }
    await app.close();
  });
});
