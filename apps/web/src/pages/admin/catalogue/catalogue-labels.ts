/** Vietnamese names of a procedure's parts: the 'chưa xác minh' fields, and what a version changed. */
export const PART_LABELS: Record<string, string> = {
  name: 'tên thủ tục',
  code: 'mã thủ tục',
  field: 'lĩnh vực',
  processingTime: 'thời hạn giải quyết',
  fee: 'phí, lệ phí',
  paperResult: 'kết quả bản giấy',
  resultName: 'tên kết quả',
  components: 'thành phần hồ sơ',
  steps: 'các bước xử lý',
};

export const partLabel = (part: string) => PART_LABELS[part] ?? part;
