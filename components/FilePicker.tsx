interface Props {
  id: string;
  accept: string;
  onFile: (file: File) => void;
}

/**
 * A file input that hands over the chosen file and forgets it, so choosing the same file again
 * (after fixing it) runs again. Its label is the caller's `<label htmlFor={id}>`.
 */
export function FilePicker({ id, accept, onFile }: Props) {
  return (
    <input
      id={id}
      type="file"
      accept={accept}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
