import { CreateUserError, parseCreateUser } from './create-user.command';

const PASSWORD = { NEW_USER_PASSWORD: 'mật-khẩu-đủ-dài-1' };
const refusal = (argv: string[], env: NodeJS.ProcessEnv = PASSWORD) => {
  try {
    parseCreateUser(argv, env);
  } catch (error) {
    if (error instanceof CreateUserError) return { message: error.message, exitCode: error.exitCode };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('parseCreateUser', () => {
  it('reads a complete command, roles deduplicated, the password from the environment', () => {
    expect(parseCreateUser(['--username', 'cv.kh01', '--full-name', ' Lò Văn Tủa ', '--role', 'specialist', '--role', 'specialist', '--department', 'PQLKH'], PASSWORD)).toEqual({
      username: 'cv.kh01',
      fullName: 'Lò Văn Tủa',
      roles: ['specialist'],
      departmentCode: 'PQLKH',
      title: null,
      password: 'mật-khẩu-đủ-dài-1',
    });
  });

  it('takes the title (chức danh) printed under the name on papers', () => {
    expect(parseCreateUser(['--username', 'pgd01', '--full-name', 'Hà Văn Sơn', '--role', 'leader', '--title', ' Phó Giám đốc '], PASSWORD).title).toBe('Phó Giám đốc');
    expect(refusal(['--username', 'pgd01', '--full-name', 'Hà Văn Sơn', '--role', 'leader', '--title', 'x'.repeat(256)]).message).toContain('--title must be at most 255');
  });

  it('counts the password in characters, not bytes', () => {
    expect(refusal(['--username', 'admin2', '--full-name', 'A', '--role', 'admin'], { NEW_USER_PASSWORD: 'đđđđđđđđđđđ' }).message).toContain('at least 12 characters');
    expect(parseCreateUser(['--username', 'admin2', '--full-name', 'A', '--role', 'admin'], { NEW_USER_PASSWORD: 'đđđđđđđđđđđđ' }).password).toHaveLength(12);
  });

  it('lists every problem at once, with exit status 2', () => {
    const r = refusal(['--username', 'X', '--role', 'boss'], {});
    expect(r.exitCode).toBe(2);
    expect(r.message).toContain('--username must be');
    expect(r.message).toContain('--full-name is required');
    expect(r.message).toContain('unknown role boss');
    expect(r.message).toContain('NEW_USER_PASSWORD must hold at least 12 characters');
  });

  it('a specialist needs a department; an unknown option is refused', () => {
    expect(refusal(['--username', 'cv02', '--full-name', 'B', '--role', 'specialist']).message).toContain('a specialist needs --department');
    expect(refusal(['--username', 'cv02', '--password', 'x']).exitCode).toBe(2);
  });
});
