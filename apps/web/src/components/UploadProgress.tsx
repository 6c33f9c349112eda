/** One upload in flight: a native progress bar, named after the file, with the percentage in words. */
export function UploadProgress({ fileName, fraction }: { fileName: string; fraction: number }) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div className="upload-progress">
      <span className="upload-progress__name">Đang tải lên «{fileName}»</span>
      <progress max={100} value={percent} aria-label={`Tiến độ tải lên «${fileName}»`} aria-valuetext={`${percent}%`}>
        {percent}%
      </progress>
      <span className="upload-progress__value" aria-hidden="true">
        {percent}%
      </span>
    </div>
  );
}
