/**
 * The letter that goes with a case (issue 18): the confirmation of a betalingsaftale or the
 * decision on henstand, made from what the page computed, for the recipient typed here, as a PDF
 * the caseworker saves. The PDF and Word code loads only when a letter is made.
 */
import { Button, Field, Input, Link, Text, Textarea } from '@fluentui/react-components';
import { memo, useEffect, useState, type ReactElement } from 'react';
import { isSaldoError } from '../../../core/errors.js';
import type { CaseLetter, CaseParty, KommuneSettings } from '../../../core/commands/index.js';
import { strings } from '../strings.js';
import { NoticeBar, today, type Notice } from './NoticeBar.js';

const t = strings.caseLetter;

export interface CaseLetterPanelProps {
  kind: 'aftalebrev' | 'henstand';
  /** The case reference the page already has (sagsnummer). */
  reference: string;
  /** Null while the page has no result to write about. */
  letterOf: ((party: CaseParty, settings: KommuneSettings, date: string, grounds: string) => CaseLetter) | null;
}

/**
 * Memoised: a page that keeps `letterOf` stable (BetalingsaftalePage) does not render the panel
 * again on each keystroke of its form.
 */
export const CaseLetterPanel = memo(function CaseLetterPanel({ kind, reference, letterOf }: CaseLetterPanelProps): ReactElement {
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [ref, setRef] = useState(reference);
  const [kommune, setKommune] = useState('Kommunen');
  const [contact, setContact] = useState('Opkrævningen');
  const [grounds, setGrounds] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [pdf, setPdf] = useState<string | null>(null);
  useEffect(() => setRef(reference), [reference]);
  useEffect(
    () => () => {
      if (pdf) URL.revokeObjectURL(pdf);
    },
    [pdf],
  );

  const make = async () => {
    if (!letterOf) return;
    setBusy(true);
    setNotice(null);
    setPdf(null);
    try {
      const settings = { kommune, contact };
      const date = today();
      const letter = letterOf(
        {
          name,
          address: address
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== ''),
          reference: ref.trim(),
        },
        settings,
        date,
        grounds,
      );
      const { makeCaseLetterPdf } = await import(/* webpackChunkName: "letters" */ '../letterPdfs.js');
      setPdf(URL.createObjectURL(await makeCaseLetterPdf(letter, kind, settings)));
      setNotice({ intent: 'success', text: t.made(letter.subject, letter.recipient) });
    } catch (e) {
      setNotice({ intent: 'error', text: isSaldoError(e) ? e.message : t.failed((e as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t.heading[kind]}>
      <Text as="h3" weight="semibold" block>
        {t.heading[kind]}
      </Text>
      <Field label={t.name} required>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t.address} hint={t.addressHint}>
        <Textarea value={address} onChange={(_, d) => setAddress(d.value)} resize="vertical" />
      </Field>
      <Field label={t.reference} required>
        <Input value={ref} onChange={(_, d) => setRef(d.value)} />
      </Field>
      <Field label={t.kommune}>
        <Input value={kommune} onChange={(_, d) => setKommune(d.value)} />
      </Field>
      <Field label={t.contact}>
        <Input value={contact} onChange={(_, d) => setContact(d.value)} />
      </Field>
      {kind === 'henstand' && (
        <Field label={t.grounds} hint={t.groundsHint}>
          <Textarea value={grounds} onChange={(_, d) => setGrounds(d.value)} resize="vertical" />
        </Field>
      )}
      <div>
        <Button disabled={!letterOf || busy || name.trim() === '' || ref.trim() === ''} onClick={() => void make()}>
          {t.make}
        </Button>
      </div>
      {pdf && (
        <Link href={pdf} download={`${kind}-${ref.trim().replace(/[^\p{L}\p{N}._-]+/gu, '-')}.pdf`}>
          {t.save}
        </Link>
      )}
      <NoticeBar notice={notice} />
    </section>
  );
});
