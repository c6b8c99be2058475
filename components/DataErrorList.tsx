import { formatDataError, type DataError } from '@/utils/schema/errors';

/** Located import errors, one per line, announced as an alert. Shows the first 200. */
export function DataErrorList({ title, errors }: { title: string; errors: DataError[] }) {
  const shown = errors.slice(0, 200);
  return (
    <div role="alert" className="msg">
      <p className="error">{title}</p>
      <ul className="msg">
        {shown.map((e, i) => (
          <li key={`${e.path}-${i}`} className="error">{formatDataError(e)}</li>
        ))}
      </ul>
      {errors.length > shown.length && <p className="muted">… +{errors.length - shown.length}</p>}
    </div>
  );
}
