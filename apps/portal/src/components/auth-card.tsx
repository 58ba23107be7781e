import { useState, type ReactNode } from 'react';
import { Brand } from '../layout/brand';
import { LanguageSwitch } from '../layout/language-switch';

/** The frame of the pages before signing in (sign-in, activation): brand, language, one card. */
export function AuthCard({
  testId,
  title,
  subtitle,
  children,
  footer,
  wide,
}: {
  testId: string;
  title: string;
  subtitle: string;
  children: ReactNode;
  footer?: ReactNode;
  /** A document to read (the guardian's agreement, a PDF checked): 640 px rather than 420. */
  wide?: boolean;
}) {
  return (
    <div className="sb-auth">
      <div className="sb-auth-top" style={{ maxWidth: 420 }}>
        <Brand />
        <LanguageSwitch />
      </div>
      {/* Not antd's Card: it brings Tabs and Menu along, which the first page a phone downloads does without. */}
      <section className={`sb-auth-card sb-auth-panel${wide ? ' sb-wide' : ''}`} data-testid={testId}>
        {/* Plain elements, not antd's Typography, which brings its tooltip (for ellipsis) into the first download. */}
        <h3 className="sb-auth-title">{title}</h3>
        <p className="sb-auth-subtitle">{subtitle}</p>
        {children}
      </section>
      {footer}
    </div>
  );
}

/** A form's submission: whether it is in flight, and its failure until the next try. */
export function useSubmission<T>(action: (values: T) => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const submit = async (values: T) => {
    setSubmitting(true);
    setError(null);
    try {
      await action(values);
    } catch (failure) {
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  };
  return { error, clearError: () => setError(null), submitting, submit };
}
