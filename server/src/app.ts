import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module.js';
import { logLevels, QuietLogger } from './common/quiet-logger.js';
import type { AppConfig } from './config/config.js';
import { RedisIoAdapter } from './realtime/redis-io.adapter.js';

/** Body parsers whose failures answer in our ApiError shape (413 too large, 400 malformed). */
function body(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (err?: any) => {
      if (!err) return next();
      const status = err.status === 413 ? 413 : 400;
      const message = status === 413 ? `The request body is larger than the ${err.limit ?? ''} bytes allowed.` : `The request body could not be read: ${err.message}`;
      res.status(status).json({ statusCode: status, error: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message });
    });
}

/** The whole HTTP server: API, socket.io, OpenAPI docs and the built web app on one port. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { http: true }), {
    bodyParser: false,
    logger: new QuietLogger(config.logLevel === 'debug', logLevels(config.logLevel)),
  });
  app.enableShutdownHooks();
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          // Remote images in mail are blocked by the sanitiser (data-blocked-src) until an agent loads them;
          // once asked, they must be allowed to load (the mail frame inherits this policy).
          imgSrc: ["'self'", 'data:', 'https:', 'http:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          frameAncestors: ["'self'"],
          upgradeInsecureRequests: config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use(body(express.json({ limit: config.bodyLimit })));
  app.use(body(express.urlencoded({ extended: false, limit: config.bodyLimit, parameterLimit: 50 })));
  if (config.redisUrl) app.useWebSocketAdapter(new RedisIoAdapter(app, config.redisUrl, config.redisPrefix));

  const docs = new DocumentBuilder()
    .setTitle('Switchboard API')
    .setDescription('Omnichannel service desk. Cookie session (POST /api/auth/login); writes need the x-csrf-token header.')
    .setVersion('0.1.0')
    .addCookieAuth('sb_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, docs), { jsonDocumentUrl: 'api/docs/openapi.json' });

  serveWebApp(app, config);
  return app;
}

/** The built Vue app at /, with client-side routes falling back to index.html. */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dist = config.webDist;
  if (!dist || !existsSync(join(dist, 'index.html'))) {
    new Logger('Web').warn(`no built web app at ${dist ?? '(unset)'}: run "npm run build:web"; serving the API only`);
    return;
  }
  app.use(express.static(dist, { index: false, maxAge: '1h', setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache') }));
  const index = join(dist, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isAppRoute = req.method === 'GET' && !/^\/(api|socket\.io|forms)(\/|$)/.test(req.path) && req.accepts('html');
    if (!isAppRoute) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
