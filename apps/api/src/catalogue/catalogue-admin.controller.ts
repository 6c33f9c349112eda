import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { CatalogueAdminService } from './catalogue-admin.service';

const PROCEDURE_BODY = {
  description: 'A procedure as in config/catalogue/procedures.json: name, field, processingTime {amount, unit}, fee, paperResult, resultName, components, steps…',
  schema: {
    type: 'object',
    example: {
      code: '3.000001',
      name: 'Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ',
      field: 'Hoạt động khoa học và công nghệ',
      processingTime: { amount: 15, unit: 'working_days' },
      fee: { amountVnd: null, text: 'Không' },
      paperResult: true,
      resultName: 'Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ',
      components: [{ key: 'don-de-nghi', name: 'Đơn đề nghị', required: true, original: 1 }],
      steps: [
        { key: 'tham-dinh', name: 'Thẩm định hồ sơ', departmentCode: 'PQLKH', role: 'specialist', workingDays: 10 },
        { key: 'phe-duyet', name: 'Phê duyệt, ký kết quả', departmentCode: 'BGD', role: 'leader', workingDays: 3 },
      ],
    },
  },
};

/**
 * Catalogue administration. The body is validated by libs/catalogue (the same rules as the
 * seed files), not by a DTO class, so one definition of a procedure's shape serves both.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/procedures')
export class CatalogueAdminController {
  constructor(private readonly admin: CatalogueAdminService) {}

  @Post()
  @Roles('admin')
  @ApiBody(PROCEDURE_BODY)
  create(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.admin.create(user, body);
  }

  @Put(':code')
  @Roles('admin')
  @ApiBody(PROCEDURE_BODY)
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: unknown) {
    return this.admin.update(user, code, body);
  }

  @Get(':code/versions')
  @Roles('admin', 'reporter', 'leader')
  history(@Param('code') code: string) {
    return this.admin.history(code);
  }
}
