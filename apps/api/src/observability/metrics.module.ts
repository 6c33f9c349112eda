import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { OutboxCoreModule } from '../outbox';
import { Metrics } from './metrics';

/**
 * Prometheus metrics at `GET /metrics` (outside `/api`, where scrapers look), served only when
 * METRICS_TOKEN is set and only to `Authorization: Bearer <METRICS_TOKEN>` (Prometheus:
 * `authorization: { credentials_file: … }`). Off by default: nothing about the service's traffic is
 * public, and no second port has to be opened through the proxy. The API's Caddyfile does not route
 * /metrics at all: scrape the instances directly on the internal network.
 */
@Global()
@Module({
  imports: [OutboxCoreModule],
  providers: [Metrics],
  exports: [Metrics],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const token = this.config.metricsToken;
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (!token || !fastify) return;
    const expected = Buffer.from(`Bearer ${token}`);
    fastify.get('/metrics', async (request: FastifyRequest, reply: FastifyReply) => {
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply.status(401).header('www-authenticate', 'Bearer').send({ statusCode: 401, error: 'UNAUTHORIZED', message: 'Metrics need the METRICS_TOKEN bearer token' });
      }
      return reply.header('content-type', this.metrics.registry.contentType).header('cache-control', 'no-store').send(await this.metrics.registry.metrics());
    });
  }
}
