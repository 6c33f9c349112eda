import { downloadReceipt } from '../api/files';
import { OpenFileButton } from './OpenFileButton';

/** "In giấy tiếp nhận": the receipt PDF (Mẫu 01, with the lookup QR code) in a new tab. */
export function ReceiptButton({ dossierId, primary = false }: { dossierId: string; primary?: boolean }) {
  return (
    <OpenFileButton
      className={primary ? 'button button--primary' : 'button'}
      label="In giấy tiếp nhận"
      busyLabel="Đang tạo giấy tiếp nhận…"
      load={() => downloadReceipt(dossierId)}
      testId="receipt-button"
    />
  );
}
