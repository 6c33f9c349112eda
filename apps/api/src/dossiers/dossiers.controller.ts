import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { vietnamDay } from '@motcua/calendar';
import { Clock } from '../common/clock';
import { describeFiltersVi } from './worklist-tabs';
import { WORKLIST_EXPORT_MAX_ROWS, worklistWorkbook } from './worklist-export';
import type { FastifyReply } from 'fastify';
import { ALL_STAFF, AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { DossierCommands } from './dossier-commands.service';
import { DossierQueries } from './dossier-queries.service';
import { assertCounterChannel } from './counter-channel';
import { CreateDossierDto } from './dto/create-dossier.dto';
import { DossierEventDto } from './dto/dossier-event.dto';
import { ListDossiersQuery } from './dto/list-dossiers.query';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly commands: DossierCommands,
    private readonly queries: DossierQueries,
    private readonly time: Clock,
  ) {}

  @Post()
  @Roles('clerk')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key returns the same dossier (200) instead of creating another' })
  @ApiCreatedResponse({ description: 'The new dossier' })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateDossierDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,128}$/.test(idempotencyKey)) {
      throw new BadInputError('Idempotency-Key must be 1–128 visible ASCII characters');
    }
    assertCounterChannel(dto.channel);
    const result = await this.commands.create(user, dto, idempotencyKey);
    if (result.replayed) void reply.status(200).header('idempotent-replayed', 'true');
    return result.dossier;
  }

  @Get()
  @Roles(...ALL_STAFF)
  list(@CurrentUser() user: AuthUser, @Query() query: ListDossiersQuery) {
    return this.queries.list(user, query);
  }

  /** The worklist tabs' counts, for the same filters as the list (`tab`, `page`, `pageSize` ignored). */
  @Get('tab-counts')
  @Roles(...ALL_STAFF)
  tabCounts(@CurrentUser() user: AuthUser, @Query() query: ListDossiersQuery) {
    return this.queries.tabCounts(user, query);
  }

  /**
   * The list under the same filters and tab (paging ignored) as an Excel workbook: Vietnamese
   * headings, Vietnam time, full names; at most WORKLIST_EXPORT_MAX_ROWS rows (the sheet says when cut).
   */
  @Get('export')
  @Roles(...ALL_STAFF)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'danh-sach-ho-so_<date>.xlsx' })
  async export(@CurrentUser() user: AuthUser, @Query() query: ListDossiersQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = await this.queries.exportList(user, query, WORKLIST_EXPORT_MAX_ROWS);
    const now = this.time.now();
    const workbook = await worklistWorkbook({ ...list, filtersVi: describeFiltersVi(query), exportedAt: now, exportedBy: user.fullName });
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="danh-sach-ho-so_${vietnamDay(now)}.xlsx"`);
    return workbook;
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.queries.get(user, id);
  }

  @Get(':id/history')
  @Roles(...ALL_STAFF)
  history(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.queries.history(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @Roles('clerk', 'specialist', 'leader')
  @ApiOkResponse({ description: 'The dossier after the transition' })
  @ApiConflictResponse({ description: 'INVALID_TRANSITION (with allowedEvents) or VERSION_CONFLICT' })
  sendEvent(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: DossierEventDto) {
    return this.commands.applyEvent(user, id, dto);
  }
}
