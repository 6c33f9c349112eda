import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, QueryBoolean } from '../../common/page.query';
import { SearchText } from '../../common/input.decorators';
import { DOSSIER_STATES, DossierState } from '@motcua/workflow';
import { ASSIGNED_TO, AssignedTo, WORKLIST_TABS, WorklistTab } from '../worklist-tabs';

export class ListDossiersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOSSIER_STATES })
  @IsOptional()
  @IsIn(DOSSIER_STATES as DossierState[])
  state?: DossierState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  procedureCode?: string;

  @ApiPropertyOptional({ description: 'Only open dossiers past their appointment' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: ['on_track', 'due_soon', 'overdue'], description: 'Flag kept by the deadline sweep' })
  @IsOptional()
  @IsIn(['on_track', 'due_soon', 'overdue'])
  deadlineStatus?: 'on_track' | 'due_soon' | 'overdue';

  @ApiPropertyOptional({ enum: ['early', 'on_time', 'late'] })
  @IsOptional()
  @IsIn(['early', 'on_time', 'late'])
  outcome?: 'early' | 'on_time' | 'late';

  @ApiPropertyOptional({ description: 'Department currently holding the dossier' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  assignee?: string;

  @ApiPropertyOptional({ description: 'Only dossiers waiting for an action of mine (my department and role at the current step)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ enum: ASSIGNED_TO, description: 'Only dossiers held by me (claimed or given to me), or held by nobody' })
  @IsOptional()
  @IsIn(ASSIGNED_TO)
  assignedTo?: AssignedTo;

  @ApiPropertyOptional({ enum: WORKLIST_TABS, description: 'Worklist tab: open work, due soon, overdue, results awaiting return, closed' })
  @IsOptional()
  @IsIn(WORKLIST_TABS)
  tab?: WorklistTab;

  @ApiPropertyOptional({ description: 'Searches code, applicant name and ID number, ignoring case and diacritics' })
  @IsOptional()
  @SearchText(100)
  text?: string;
}
