import { useId, useRef, useState, type DragEvent } from 'react';

interface Props {
  /** Accessible name of the file input (and the text of its label). */
  label: string;
  /** Shown under the drop zone and read with the input. */
  hint?: string;
  error?: string | null;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles(files: File[]): void;
}

/**
 * Drag and drop or the system's file picker. The real `<input type="file">` stays in the
 * tab order (visually hidden, its label styled as the drop zone), so Tab then Space or
 * Enter opens the picker, and screen readers announce the label.
 */
export function FileDrop({ label, hint, error, accept, multiple = false, disabled = false, onFiles }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length) onFiles(multiple ? files : files.slice(0, 1));
  };

  return (
    <div
      className={`file-drop${over ? ' file-drop--over' : ''}${error ? ' file-drop--invalid' : ''}${disabled ? ' file-drop--disabled' : ''}`}
      onDragEnter={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <input
        ref={input}
        id={id}
        type="file"
        className="file-drop__input"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        // The name is the label's own words; "Chọn tệp" and the drag hint are decoration.
        aria-labelledby={`${id}-name`}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Cleared so choosing the same file again (after an error) fires again.
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <label htmlFor={id} className="file-drop__label">
        <span className="file-drop__button" aria-hidden="true">
          Chọn tệp
        </span>
        <span className="file-drop__text" id={`${id}-name`}>
          {label}
        </span>
        <span className="file-drop__or" aria-hidden="true">
          hoặc kéo thả tệp vào đây
        </span>
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
