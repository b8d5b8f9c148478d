/**
 * "Report a problem": a link to the repository's new-issue form, prefilled with what the reader is
 * looking at (the cell or announcement, its current status) and a place for their source. GitHub
 * reads `title` and `body` from the query string, so no server is needed.
 */
import { REPOSITORY_URL } from '../site-config.ts';

export interface ProblemReport {
  /** What the report is about, e.g. "cell one-product-one-policy--suzhou-jiangsu". */
  subject: string;
  /** Lines of context: current status, decided by, page address. */
  facts: string[];
}

export function reportProblemUrl(report: ProblemReport, repository: string = REPOSITORY_URL): string {
  const url = new URL(`${repository}/issues/new`);
  url.searchParams.set('title', `Problem: ${report.subject}`);
  url.searchParams.set(
    'body',
    [
      `**About:** ${report.subject}`,
      ...report.facts.map((f) => `- ${f}`),
      '',
      '**What is wrong:**',
      '',
      '**Your source (link to an official notice, if you have one):**',
      '',
    ].join('\n'),
  );
  return url.href;
}
