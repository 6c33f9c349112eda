'use strict';
const { join } = require('node:path');
const { RuleTester } = require('eslint');
const tseslint = require('typescript-eslint');
const { rule } = require('./eslint-layers');
const { ROOT } = require('./path-aliases');

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const at = (file, code) => ({ filename: join(ROOT, file), code });
const bad = (file, code, messageId) => ({ ...at(file, code), errors: [{ messageId }] });

tester.run('motcua/layers', rule, {
  valid: [
    at('libs/catalogue/src/fee.ts', "import { ROLES } from '@motcua/workflow';"),
    at('libs/catalogue/src/fee.ts', "import { x } from './catalogue.types';"),
    at('libs/calendar/src/year-schedule.spec.ts', "import s from '@config/holidays/2026.json';"),
    at('apps/web/src/format/labels.ts', "import { DOSSIER_STATE_LABELS_VI } from '@motcua/workflow/vocabulary';"),
    at('apps/worker/src/main.ts', "import { loadConfigOrExit } from '@motcua/api';"),
    at('apps/api/src/main.ts', "import { MIGRATIONS } from '../../../migrations';"),
    at('test/e2e/x.e2e-spec.ts', "import { Clock } from '../../apps/api/src/common/clock';"),
    at('test/e2e/x.e2e-spec.ts', "import { startS3rver } from '@motcua/storage/testing';"),
    at('migrations/1764547200000-AddIndicatorFactsIndex.ts', "import { isPostgres } from './support';"),
    at('libs/workflow/src/x.ts', "import { setup } from 'xstate';"),
  ],
  invalid: [
    bad('libs/calendar/src/x.ts', "import { Clock } from '../../../apps/api/src/common/clock';", 'libToApp'),
    bad('libs/calendar/src/x.ts', "import { loadAppConfig } from '@config/app-config';", 'libToConfig'),
    bad('libs/calendar/src/x.ts', "export * from '../../../config/app-config';", 'libToConfig'),
    bad('migrations/1999-X.ts', "import { FACT_COLUMNS } from '../apps/api/src/indicators/indicator-sql';", 'migrationToCode'),
    bad('migrations/1999-X.ts', "import { dossierWorkflow } from '@motcua/workflow';", 'migrationToCode'),
    bad('migrations/1999-X.ts', "const c = require('../libs/workflow/src/labels');", 'migrationToCode'),
    bad('apps/worker/src/main.ts', "import { Clock } from '../../api/src/common/clock';", 'deepImport'),
    bad('apps/api/src/x.ts', "import { decide } from '@motcua/workflow/src/decide';", 'deepImport'),
    bad('config/app-config.ts', "import { m } from '../libs/storage/src/minio-config';", 'deepImport'),
    bad('test/e2e/x.e2e-spec.ts', "import { pdfText } from '../../libs/documents/test-support/pdf-inspect';", 'deepImport'),
    bad('libs/workflow/src/x.ts', "import { createWorkingCalendar } from '../../calendar/src';", 'relativeToOtherUnit'),
  ],
});
