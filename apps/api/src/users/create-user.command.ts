import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { Role, ROLES } from '@motcua/workflow';
import { DepartmentEntity } from '../catalogue/department.entity';
import { UserEntity } from './user.entity';
import { passwordProblem, USERNAME } from './user-rules';

export const CREATE_USER_USAGE =
  'Usage: NEW_USER_PASSWORD=… node main.js create-user --username <name> --full-name "<name>" --role <role> [--role <role>…] [--department <code>] [--title "<chức danh>"]';

/** A refusal the command reports in one line, with its exit status. */
export class CreateUserError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3,
  ) {
    super(message);
  }
}


export interface NewUser {
  username: string;
  fullName: string;
  roles: Role[];
  departmentCode: string | null;
  /** Chức danh printed under the name on signed papers; null when not given. */
  title: string | null;
  password: string;
}

/**
 * Reads `create-user` arguments. The password comes from NEW_USER_PASSWORD, never from the
 * command line (which other users of the machine and the shell history can read).
 * @throws CreateUserError (exit 2) listing every problem.
 */
export function parseCreateUser(argv: string[], env: NodeJS.ProcessEnv): NewUser {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        'full-name': { type: 'string' },
        role: { type: 'string', multiple: true },
        department: { type: 'string' },
        title: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CreateUserError(`${error instanceof Error ? error.message : String(error)}\n${CREATE_USER_USAGE}`, 2);
  }
  const problems: string[] = [];
  const username = values.username?.trim() ?? '';
  if (!USERNAME.test(username)) problems.push('--username must be 3–64 lower-case letters, digits, dots, dashes or underscores');
  const fullName = values['full-name']?.trim() ?? '';
  if (fullName.length === 0 || fullName.length > 255) problems.push('--full-name is required (at most 255 characters)');
  const roles = [...new Set(values.role ?? [])];
  if (roles.length === 0) problems.push(`--role is required (one of ${ROLES.join(', ')})`);
  for (const role of roles) if (!ROLES.includes(role as Role)) problems.push(`unknown role ${role} (one of ${ROLES.join(', ')})`);
  const departmentCode = values.department?.trim() || null;
  if (roles.includes('specialist') && departmentCode === null) problems.push('a specialist needs --department');
  const title = values.title?.trim() || null;
  if (title !== null && title.length > 255) problems.push('--title must be at most 255 characters');
  const password = env.NEW_USER_PASSWORD ?? '';
  if (passwordProblem(password)) problems.push(`NEW_USER_PASSWORD ${passwordProblem(password)}`);
  if (problems.length > 0) throw new CreateUserError(`${problems.join('; ')}\n${CREATE_USER_USAGE}`, 2);
  return { username, fullName, roles: roles as Role[], departmentCode, title, password };
}

/**
 * Creates a staff account (the first administrator of a production deployment, where no demo
 * accounts are seeded). The password is stored as an argon2id hash only.
 * @throws CreateUserError (exit 3) when the username is taken or the department unknown.
 */
export async function createUser(dataSource: DataSource, user: NewUser, now = new Date()): Promise<UserEntity> {
  const passwordHash = await argon2.hash(user.password, { type: argon2.argon2id });
  return dataSource.transaction(async (m) => {
    if (user.departmentCode !== null && !(await m.exists(DepartmentEntity, { where: { code: user.departmentCode } }))) {
      throw new CreateUserError(`department ${user.departmentCode} does not exist (the catalogue is seeded when the API first starts)`, 3);
    }
    if (await m.exists(UserEntity, { where: { username: user.username } })) {
      throw new CreateUserError(`user ${user.username} already exists; nothing was changed`, 3);
    }
    const row: UserEntity = {
      id: randomUUID(),
      username: user.username,
      fullName: user.fullName,
      title: user.title,
      passwordHash,
      roles: user.roles,
      departmentCode: user.departmentCode,
      active: true,
      version: 1,
      mustChangePassword: false,
      createdAt: now,
    };
    await m.insert(UserEntity, row);
    return row;
  });
}
