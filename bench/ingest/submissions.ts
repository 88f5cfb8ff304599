/** Web-form submissions for the bench: each one unique (e-mail and submissionId), realistic in size. */

export interface WebformSubmission {
  name: string;
  email: string;
  subject: string;
  message: string;
  submissionId: string;
}

const MESSAGE =
  'Good morning. Since yesterday evening the boiler in our flat shows error E119 and there is no hot water. ' +
  'We already checked the pressure (1.2 bar) and restarted it twice, without any change. ' +
  'Could a technician come this week? We are at home every afternoon after 15:00. Thank you.';

export class Submissions {
  private count = 0;

  constructor(private readonly runId: string) {}

  next(): WebformSubmission {
    const n = ++this.count;
    return {
      name: `Bench Customer ${n}`,
      email: `bench.${this.runId}.${n}@example.com`,
      subject: `Boiler shows E119, no hot water (#${n})`,
      message: MESSAGE,
      submissionId: `bench-${this.runId}-${n}`,
    };
  }

  get issued(): number {
    return this.count;
  }
}

/** The JSON text the baseline inserts: the same envelope the server stores raw for a submission. */
export function envelopeText(s: WebformSubmission): string {
  return JSON.stringify({ fields: s, receivedAt: new Date().toISOString() });
}
