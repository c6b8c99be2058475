import { useState } from 'react';

export interface PageReportWords {
  title: string;
  explain: string;
  copy: string;
  save: string;
  copied: string;
  saved: string;
  failed: string;
}

interface Props {
  words: PageReportWords;
  onCopy: () => Promise<void>;
  onSave: () => Promise<void>;
}

/**
 * The quiet offer shown when a page is not recognised or a field is not found: copy or save the
 * page's anonymised structure to send to the maintainers. The words and the acts come from the page
 * that shows it.
 */
export function PageReportActions({ words, onCopy, onSave }: Props) {
  const [note, setNote] = useState('');
  const run = (act: () => Promise<void>, done: string) => async () => {
    setNote('');
    try {
      await act();
      setNote(done);
    } catch (e) {
      setNote(`${words.failed} ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section className="page-report" aria-label={words.title}>
      <p className="muted">{words.explain}</p>
      <div className="actions">
        <button type="button" onClick={run(onCopy, words.copied)}>{words.copy}</button>
        <button type="button" onClick={run(onSave, words.saved)}>{words.save}</button>
      </div>
      {note && <p role="status" className="muted">{note}</p>}
    </section>
  );
}
