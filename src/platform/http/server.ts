/** Builds the HTTP server: API routes of every capability, OpenAPI, and the web app. */
import { existsSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database } from '../db/client.js';
import { catalogueRoutes } from '../../catalogue/routes.js';
import { programmeExists } from '../../catalogue/repository.js';
import { registerErrorHandling, HttpError } from './errors.js';
import { projectPath } from '../paths.js';
import { requireAccessPolicies } from './access.js';
import { webRouteStatus } from './web-routes.js';
import type { Concept } from '../../catalogue/concept-schema.js';
import { createNavigator } from '../../navigator/navigator.js';
import { loadShippedVocabulary } from '../../navigator/load-vocabulary.js';
import { navigatorRoutes } from '../../navigator/routes.js';
import { exchangeRateFromEnv } from '../../reference/exchange-rate.js';
import { referenceRoutes } from '../../reference/routes.js';
import { callsRoutes } from '../../calls/routes.js';
import { lazyCompilersFactory } from './lazy-compilers.js';
import { loadOnce } from '../kept-load.js';
import { securityHeaders } from './security-headers.js';
import { createEnhetsregisteretClient } from '../../organisations/enhetsregisteret.js';
import type { OrganisationRegistry } from '../../organisations/organisation.js';
import { organisationRoutes } from '../../organisations/routes.js';
import { organisationAdminRoutes } from '../../organisations/admin-routes.js';
import { portfolioRoutes } from '../../portfolio/routes.js';
import { invitationRoutes } from '../../organisations/invitation-routes.js';
import { authentication } from '../auth/authentication.js';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from '../auth/principal.js';
import { databaseSessionStore } from '../../accounts/repository.js';
import { accountsRoutes } from '../../accounts/routes.js';
import { personalDataRoutes } from '../../accounts/personal-data-routes.js';
import { createRelyingParty, type OidcSettings } from '../../accounts/oidc.js';
import { OIDC_CALLBACK_PATH, oidcRoutes } from '../../accounts/oidc-routes.js';
import { createMailer, mailConfigFromEnv, type Mailer } from '../mail/mailer.js';
import { surveyAnalysisRoutes } from '../../survey/analysis-routes.js';
import { surveyRoutes } from '../../survey/routes.js';

export const WEB_DIST_DIR = projectPath('dist', 'web') + sep;

export interface ServerOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Believe X-Forwarded-* headers (behind a reverse proxy only). */
  trustProxy?: boolean;
  /** Serve the built web app from dist/web (off in API-only tests). */
  serveWeb?: boolean;
  /** Where Norwegian organisations are looked up; the open Enhetsregisteret API by default. */
  organisationRegistry?: OrganisationRegistry;
  /** The navigator's concept vocabulary; the shipped one by default. */
  concepts?: Concept[];
  /** Outgoing e-mail; from SMTP_URL by default (or the log, when it is not set). */
  mailer?: Mailer;
  sessions?: SessionSettings;
  /** Where people reach the product, for links in e-mails; http://localhost:3000 by default. */
  publicUrl?: string;
  /** Sign-in through an OpenID provider; off when absent. */
  oidc?: OidcSettings;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    schemaController: { compilersFactory: lazyCompilersFactory },
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const isDocsRoute = (url: string) => url.startsWith('/api/docs');
  // The documentation viewer and the static files of the web app are public by nature.
  requireAccessPolicies(app, (url) => isDocsRoute(url) || url === '/*');
  registerErrorHandling(app);
  const sessionSettings = options.sessions ?? DEFAULT_SESSION_SETTINGS;
  await app.register(authentication, { store: databaseSessionStore(options.database.db), settings: sessionSettings });

  await app.register(securityHeaders, {
    helmet: {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      hsts: false,
    },
  });

  // Answers of the navigator run to hundreds of kilobytes of JSON; compressed they are a tenth of that.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mulighetsrom API',
        version: '0.1.0',
        description: 'Programme catalogue and the other capabilities of Mulighetsrom. Errors carry a message in the language of `lang` or Accept-Language (nb, nn, sv, en).',
      },
      tags: [
        { name: 'catalogue', description: 'EU, EEA, Nordic, national and county schemes' },
        { name: 'navigator', description: 'From an idea to the programmes that fit, with eligibility and grant estimate' },
        { name: 'calls', description: 'Calls for proposals and deadlines' },
        { name: 'organisations', description: 'Norwegian organisations from Enhetsregisteret (Brønnøysundregistrene)' },
        { name: 'reference', description: 'Counties, municipalities and other code lists' },
        { name: 'accounts', description: 'Sign-in, sessions, my profile and my data' },
        { name: 'platform' },
      ],
    },
  });
  // The viewer shows the product's mark, linking back to it. Given here, it is not read from the
  // viewer's package with an asynchronous read, which waits behind V8 compiling PGlite at start.
  await app.register(swaggerUi, { routePrefix: '/api/docs', logo: { type: 'image/svg+xml', content: readFileSync(projectPath('web', 'public', 'favicon.svg')), href: '/', target: '_self' } });

  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['platform'], summary: 'Liveness and database engine' } },
    async () => ({ status: 'ok', database: options.database.engine }),
  );
  await app.register(catalogueRoutes(options.database.db));
  // The vocabulary is read when the navigator or a survey summary first needs it, not at start. The
  // start-up import has validated it whenever it changed (its file is part of the catalogue's hash).
  const given = options.concepts;
  const concepts = given ? async () => given : loadOnce(() => loadShippedVocabulary());
  const navigator = createNavigator({ db: options.database.db, concepts, exchangeRate: exchangeRateFromEnv() });
  await app.register(navigatorRoutes(navigator));
  await app.register(referenceRoutes);
  await app.register(callsRoutes(options.database.db));
  await app.register(organisationRoutes(options.organisationRegistry ?? createEnhetsregisteretClient({ baseUrl: process.env.ENHETSREGISTERET_URL || undefined })));

  const publicUrl = (options.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
  const relyingParty = options.oidc ? createRelyingParty(options.oidc, `${publicUrl}${OIDC_CALLBACK_PATH}`, app.log) : null;
  const mailer = options.mailer ?? createMailer(mailConfigFromEnv(), app.log);
  await app.register(
    accountsRoutes({
      db: options.database.db,
      mailer,
      sessions: sessionSettings,
      publicUrl,
      oidcEnabled: relyingParty !== null,
      oidcName: options.oidc?.displayName ?? null,
    }),
  );
  await app.register(invitationRoutes({ db: options.database.db, mailer, publicUrl, sessions: sessionSettings }));
  await app.register(oidcRoutes({ db: options.database.db, sessions: sessionSettings, relyingParty }));
  await app.register(personalDataRoutes({ db: options.database.db, sessions: sessionSettings }));

  await app.register(organisationAdminRoutes(options.database.db));
  await app.register(portfolioRoutes({ db: options.database.db, exchangeRate: exchangeRateFromEnv() }));
  await app.register((await import('../../portfolio/exchange-routes.js')).portfolioExchangeRoutes({ db: options.database.db, publicUrl, exchangeRate: exchangeRateFromEnv() }));
  await app.register(surveyRoutes({ db: options.database.db, mail: { mailer, publicUrl } }));
  await app.register(surveyAnalysisRoutes({ db: options.database.db, navigator, concepts, exchangeRate: exchangeRateFromEnv() }));

  const indexHtml = options.serveWeb === false ? undefined : await registerWebApp(app);
  const sendWebApp = async (path: string, reply: FastifyReply) => {
    // The app renders its own not-found page; the status tells browsers, crawlers and tools the truth.
    const status = await webRouteStatus(path, (id) => programmeExists(options.database.db, id));
    return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  };
  if (indexHtml !== undefined) {
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) => sendWebApp('/', reply));
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (indexHtml === undefined || path.startsWith('/api/') || (request.method !== 'GET' && request.method !== 'HEAD')) {
      throw new HttpError(404, 'not-found', 'notFound', { what: path }, 'path');
    }
    return sendWebApp(path, reply);
  });
  return app;
}

/** Serves the built files; returns the app's index.html for client-side routes, if built. */
async function registerWebApp(app: FastifyInstance): Promise<string | undefined> {
  const indexFile = `${WEB_DIST_DIR}index.html`;
  if (!existsSync(indexFile)) {
    app.log.warn(`web app not built (${indexFile} missing); run npm run build`);
    return undefined;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIST_DIR,
    prefix: '/',
    wildcard: true,
    index: false,
    maxAge: '1h',
    // Vite names built assets by content hash: they never change under the same name.
    setHeaders: (response, filePath) => {
      if (filePath.includes(`${sep}assets${sep}`)) response.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  // Read synchronously (a small file): at start Node's thread pool waits behind V8 compiling PGlite.
  return readFileSync(indexFile, 'utf8');
}
