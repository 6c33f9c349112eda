import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth.decorators';
import { ServiceUnavailableError } from '../common/errors';
import { ErrorBody, HttpErrorFilter } from '../common/http-error.filter';
import { CheckReport, ReadinessRegistry } from './readiness.registry';

export interface ReadyBody {
  status: 'ready';
  /** Checks that work but need an operator (named in their detail). */
  degraded: string[];
  checks: Record<string, CheckReport>;
}

const errorBody = new HttpErrorFilter();

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  /**
   * Liveness: the process is up and its event loop answers. It never touches the database or
   * any other dependency: during a database outage every instance would fail it at once and an
   * orchestrator would restart them all, which cures nothing. Dependencies are readiness's job.
   */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness: the process serves requests (no dependency is checked)' })
  health() {
    return this.alive();
  }

  /** The same liveness answer under the name probes often use. */
  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness (same as GET /api/health)' })
  live() {
    return this.alive();
  }

  private alive() {
    return { status: 'ok', database: this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite' };
  }

  /**
   * Readiness: 200 when every registered check passes; otherwise 503 in the API's error shape,
   * `details.failed` naming the failed checks and `details.checks` giving each one's status.
   * The 503 is answered, not thrown: probes repeat it every few seconds during an outage, and
   * the error filter would log each one (the registry logs when a check changes state instead).
   */
  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database, migrations, file storage and every registered check' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyBody | ErrorBody> {
    const report = await this.readiness.run();
    void reply.header('cache-control', 'no-store');
    if (report.ready) return { status: 'ready', degraded: report.degraded, checks: report.checks };
    void reply.status(503);
    const error = new ServiceUnavailableError(`Not ready: ${report.failed.join(', ')} failed`, {
      status: 'not_ready',
      failed: report.failed,
      checks: report.checks,
    });
    return errorBody.toBody(error);
  }
}
