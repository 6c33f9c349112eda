import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { renderLogBook, type LogBookData, type LogBookEntry } from '@motcua/documents';
import { DOSSIER_STATE_LABELS_VI, type DossierState } from '@motcua/workflow';
import { UnitOfWork } from '@motcua/persistence';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { Clock } from '../common/clock';
import { BadInputError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DepartmentEntity } from '../catalogue/department.entity';
import { OUTCOME_VI } from './control-slip-rows';
import { logBookWorkbook } from './log-book-workbook';
import type { LogBookFormat } from './log-book.dto';

/** The longest period one log book covers (a year, leap day included). */
const MAX_DAYS = 366;

const vnMidnight = (day: string): Date => new Date(`${day}T00:00:00+07:00`);

/**
 * Sổ theo dõi hồ sơ (TT 01/2018 Mẫu 06; 07 under TT 03/2025 as reported): one line per dossier
 * received in the period, in the order received, as PDF or Excel.
 */
@Injectable()
export class LogBookService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agency: AgencyIdentity,
    private readonly time: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(q: { from: string; to: string; procedureCode?: string; format?: LogBookFormat }): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
    if (!isRealDay(q.from) || !isRealDay(q.to)) throw new BadInputError('from and to must be real days written YYYY-MM-DD', { fields: ['from', 'to'] });
    const from = vnMidnight(q.from);
    const to = vnMidnight(q.to);
    if (to.getTime() < from.getTime()) throw new BadInputError('to must not be before from', { fields: ['to'] });
    if ((to.getTime() - from.getTime()) / 86_400_000 + 1 > MAX_DAYS) throw new BadInputError(`A log book covers at most ${MAX_DAYS} days`, { fields: ['to'] });
    const data = await this.data(from, to, q.procedureCode);
    const name = `so-theo-doi-ho-so_${q.from}_${q.to}${q.procedureCode ? `_${q.procedureCode.replace(/[^A-Za-z0-9.-]/g, '_')}` : ''}`;
    if (q.format === 'xlsx') {
      return { fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await logBookWorkbook(data) };
    }
    return { fileName: `${name}.pdf`, contentType: 'application/pdf', bytes: await renderLogBook(data) };
  }

  private async data(from: Date, to: Date, procedureCode?: string): Promise<LogBookData> {
    const end = new Date(to.getTime() + 86_400_000);
    return this.uow.read(async (m) => {
      const qb = m
        .createQueryBuilder(DossierEntity, 'd')
        .where('d.received_at >= :from AND d.received_at < :end', { from, end })
        .orderBy('d.received_at', 'ASC')
        .addOrderBy('d.code', 'ASC');
      if (procedureCode) qb.andWhere('d.procedure_code = :procedureCode', { procedureCode });
      const dossiers = await qb.getMany();
      const versionIds = [...new Set(dossiers.map((d) => d.procedureVersionId))];
      const versions = new Map((versionIds.length ? await m.find(ProcedureVersionEntity, { where: { id: In(versionIds) } }) : []).map((v) => [v.id, v]));
      const departments = new Map((await m.find(DepartmentEntity)).map((d) => [d.code, d.name]));
      const procedureName = procedureCode ? (dossiers[0] ? versions.get(dossiers[0].procedureVersionId)?.name : undefined) ?? procedureCode : undefined;
      const entries = dossiers.map((d): LogBookEntry => {
        const first = d.snapshot.context.steps[0];
        const handed = d.currentStepIndex !== null || d.finishedAt !== null || d.state !== 'received';
        return {
          code: d.code,
          procedure: versions.get(d.procedureVersionId)?.name ?? d.procedureCode,
          applicant: [d.applicantName, d.applicantAddress, d.applicantPhone].filter(Boolean).join(', '),
          receivedAt: d.receivedAt!,
          ...((d.legalAppointmentAt ?? d.appointmentAt) ? { appointmentAt: (d.legalAppointmentAt ?? d.appointmentAt)! } : {}),
          ...(first && handed ? { handedTo: departments.get(first.departmentCode) ?? first.departmentCode } : {}),
          result: DOSSIER_STATE_LABELS_VI[d.state as DossierState] ?? d.state,
          ...(d.state === 'returned' && d.finishedAt ? { returnedAt: d.finishedAt } : {}),
          ...(d.outcome ? { note: OUTCOME_VI[d.outcome] } : {}),
        };
      });
      return {
        issuer: {
          ...(this.config.papers.parentAgency ? { parentAgency: this.config.papers.parentAgency } : {}),
          agencyName: this.config.papers.receivingCentreName,
          unitName: '',
          place: this.agency.province || 'Lai Châu',
        },
        from,
        to,
        ...(procedureName ? { procedure: procedureName } : {}),
        entries,
        issuedAt: this.time.now(),
      };
    });
  }
}

function isRealDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}
