/** Sample papers for the specs: a Lai Châu Sở KH&CN dossier with long Vietnamese names. */
import type { ApologyData, ControlSlipData, IssuingBody, LogBookData, PaperBase, ProcessingRefusalData, ReceiptData, RefusalData, SupplementRequestData } from '../src';

/** Every Vietnamese vowel with every tone, the consonants (with đ), both cases, digits and punctuation. */
export const VIETNAMESE_ALPHABET = [
  'aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ',
  'bcdđghklmnpqrstvx',
  'AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ',
  'BCDĐGHKLMNPQRSTVX',
  '0123456789 .,;:!?()[]/-–%&@#*+="\'',
].join(' ');

export const ISSUER: IssuingBody = {
  parentAgency: 'UBND tỉnh Lai Châu',
  agencyName: 'Sở Khoa học và Công nghệ tỉnh Lai Châu',
  place: 'Lai Châu',
  phone: '0213 3876 543',
};

export const LONG_PROCEDURE_NAME =
  'Thủ tục cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ của tổ chức khoa học và công nghệ do Ủy ban nhân dân cấp tỉnh thành lập hoặc quản lý';

export const LOOKUP_URL = 'https://dichvucong.laichau.gov.vn/tra-cuu/ho-so/000.00.12.H30-260212-0001?k=Xk3m9QpL2vR8sT1wQz7';

const base: PaperBase = {
  issuer: ISSUER,
  dossierCode: '000.00.12.H30-260212-0001',
  paperNumber: '15/TN',
  applicant: {
    name: 'Nguyễn Thị Thu Hương',
    idNumber: '012345678901',
    phone: '0912 345 678',
    email: 'huong.ntt@example.vn',
    address: 'Số 12, đường Trần Hưng Đạo, phường Tân Phong, tỉnh Lai Châu',
  },
  procedure: { code: '1.012345', name: LONG_PROCEDURE_NAME },
  issuedAt: new Date('2026-02-12T02:15:00Z'),
  publicLookupUrl: LOOKUP_URL,
};

export const RECEIPT: ReceiptData = {
  ...base,
  receivedAt: new Date('2026-02-12T02:15:00Z'),
  channel: 'direct',
  components: [
    { name: 'Đơn đề nghị cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ', form: 'original', count: 1, digitised: true },
    { name: 'Quyết định thành lập tổ chức khoa học và công nghệ', form: 'certified_copy', count: 2, digitised: true },
    { name: 'Điều lệ tổ chức và hoạt động', form: 'not_submitted', count: 0, digitised: false },
  ],
  sets: 1,
  logBook: { volume: '01/2026', entry: 125 },
  processingTime: '10 ngày làm việc',
  appointmentAt: new Date('2026-02-26T02:00:00Z'),
  resultDeliveryPlace: 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Lai Châu',
  clerkName: 'Lò Văn Thắng',
  clerkTitle: 'Chuyên viên',
};

export const SUPPLEMENT_REQUEST: SupplementRequestData = {
  ...base,
  paperNumber: '03/BS',
  receivedAt: new Date('2026-02-12T02:15:00Z'),
  reasons: ['Đơn đề nghị chưa có chữ ký của người đứng đầu tổ chức.', 'Bản sao Quyết định thành lập chưa được chứng thực.'],
  componentsToSupplement: [
    { name: 'Đơn đề nghị cấp Giấy chứng nhận', requirement: 'ký, ghi rõ họ tên và đóng dấu' },
    { name: 'Quyết định thành lập tổ chức', requirement: 'bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu' },
  ],
  deadlineNote: 'Ông/Bà bổ sung hồ sơ trong thời hạn 05 ngày làm việc kể từ ngày nhận phiếu này.',
  clerkName: 'Lò Văn Thắng',
  clerkTitle: 'Chuyên viên',
};

export const REFUSAL: RefusalData = {
  ...base,
  paperNumber: '01/TC',
  receivedAt: new Date('2026-02-12T02:15:00Z'),
  reasons: ['Thủ tục không thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ tỉnh Lai Châu.'],
  clerkName: 'Lò Văn Thắng',
  clerkTitle: 'Chuyên viên',
};

export const APOLOGY: ApologyData = {
  ...base,
  paperNumber: '27/SKHCN-QLCN',
  issuedAt: new Date('2026-02-24T03:00:00Z'),
  receivedAt: new Date('2026-02-12T02:15:00Z'),
  reason: 'Cần xác minh thông tin về trụ sở làm việc của tổ chức tại địa phương.',
  previousAppointmentAt: new Date('2026-02-26T02:00:00Z'),
  newAppointmentAt: new Date('2026-03-05T02:00:00Z'),
  handlingDepartment: 'Phòng Quản lý chuyên ngành',
  signer: { name: 'Hoàng Văn Đức', title: 'Giám đốc', headTitle: 'Giám đốc' },
};

export const PROCESSING_REFUSAL: ProcessingRefusalData = {
  ...base,
  paperNumber: '31/SKHCN-QLCN',
  issuedAt: new Date('2026-02-20T03:00:00Z'),
  receivedAt: new Date('2026-02-12T02:15:00Z'),
  reasons: ['Tổ chức chưa có trụ sở làm việc đáp ứng điều kiện theo quy định.'],
  handlingDepartment: 'Phòng Quản lý chuyên ngành',
  signer: { name: 'Hà Văn Sơn', title: 'Phó Giám đốc', headTitle: 'Giám đốc' },
};

export const CONTROL_SLIP: ControlSlipData = {
  ...base,
  issuedAt: new Date('2026-02-12T02:20:00Z'),
  receivedAt: new Date('2026-02-12T02:15:00Z'),
  appointmentAt: new Date('2026-02-26T02:00:00Z'),
  handlingAgency: 'Sở Khoa học và Công nghệ tỉnh Lai Châu',
  handovers: [
    {
      fromUnit: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu',
      fromPerson: 'Lò Văn Thắng',
      toUnit: 'Phòng Quản lý chuyên ngành',
      toPerson: 'Trần Thị Mai',
      at: new Date('2026-02-12T08:30:00Z'),
    },
    {
      fromUnit: 'Phòng Quản lý chuyên ngành',
      fromPerson: 'Trần Thị Mai',
      toUnit: 'Ban Giám đốc',
      toPerson: 'Hoàng Văn Đức',
      at: new Date('2026-02-20T03:00:00Z'),
      result: 'Trước hạn',
    },
    {
      fromUnit: 'Ban Giám đốc',
      fromPerson: 'Hoàng Văn Đức',
      toUnit: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu',
      at: new Date('2026-02-25T09:00:00Z'),
      result: 'Quá hạn',
      note: 'Đã có văn bản xin lỗi',
    },
  ],
};

export const LOG_BOOK: LogBookData = {
  issuer: { ...ISSUER, agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu', unitName: '' },
  from: new Date('2026-02-01T00:00:00+07:00'),
  to: new Date('2026-02-28T00:00:00+07:00'),
  issuedAt: new Date('2026-03-02T02:00:00Z'),
  entries: [
    {
      code: '000.00.12.H30-260212-0001',
      procedure: LONG_PROCEDURE_NAME,
      applicant: 'Nguyễn Thị Thu Hương, Số 12, đường Trần Hưng Đạo, phường Tân Phong, tỉnh Lai Châu, 0912 345 678',
      receivedAt: new Date('2026-02-12T02:15:00Z'),
      appointmentAt: new Date('2026-02-26T02:00:00Z'),
      handedTo: 'Phòng Quản lý chuyên ngành',
      result: 'Đã trả kết quả',
      returnedAt: new Date('2026-02-25T09:00:00Z'),
    },
    {
      code: '000.00.12.H30-260213-0001',
      procedure: 'Đăng ký thông tin kết quả nghiên cứu khoa học',
      applicant: 'Lò Thị Mến, bản Sin Suối Hồ, tỉnh Lai Châu',
      receivedAt: new Date('2026-02-13T03:00:00Z'),
      appointmentAt: new Date('2026-02-24T03:00:00Z'),
      note: 'Đang giải quyết',
    },
  ],
};
