/** The small public page behind a service order's Confirm / Decline link, in the technician's language. */
import type { Locale } from '../contracts/api.js';
import type { LinkAction, LinkOutcome } from './service-orders.service.js';

const T: Record<Locale, Record<string, string>> = {
  es: {
    title: 'Orden de servicio',
    askConfirm: '¿Confirma que se encarga de esta orden de servicio?',
    askDecline: '¿Rechaza esta orden de servicio? Se devolverá al departamento para asignarla de nuevo.',
    confirm: 'Confirmar',
    decline: 'Rechazar',
    doneConfirmed: 'Gracias: la orden de servicio queda confirmada.',
    doneDeclined: 'La orden de servicio ha sido rechazada y vuelve al departamento.',
    alreadyConfirmed: 'Esta orden de servicio ya estaba confirmada.',
    alreadyDeclined: 'Esta orden de servicio ya estaba rechazada.',
    stale: 'Esta orden de servicio ya no está asignada a usted; el enlace no tiene efecto.',
    invalid: 'Este enlace no es válido.',
  },
  en: {
    title: 'Service order',
    askConfirm: 'Do you confirm that you take this service order?',
    askDecline: 'Do you decline this service order? It goes back to the department to be assigned again.',
    confirm: 'Confirm',
    decline: 'Decline',
    doneConfirmed: 'Thank you: the service order is confirmed.',
    doneDeclined: 'The service order is declined and goes back to the department.',
    alreadyConfirmed: 'This service order was already confirmed.',
    alreadyDeclined: 'This service order was already declined.',
    stale: 'This service order is no longer assigned to you; the link does nothing.',
    invalid: 'This link is not valid.',
  },
  ro: {
    title: 'Comandă de service',
    askConfirm: 'Confirmați că preluați această comandă de service?',
    askDecline: 'Refuzați această comandă de service? Se întoarce la departament pentru a fi alocată din nou.',
    confirm: 'Confirmă',
    decline: 'Refuză',
    doneConfirmed: 'Mulțumim: comanda de service este confirmată.',
    doneDeclined: 'Comanda de service a fost refuzată și se întoarce la departament.',
    alreadyConfirmed: 'Această comandă de service era deja confirmată.',
    alreadyDeclined: 'Această comandă de service era deja refuzată.',
    stale: 'Această comandă de service nu vă mai este alocată; linkul nu are efect.',
    invalid: 'Acest link nu este valid.',
  },
};

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderServiceOrderPage(outcome: LinkOutcome, action: LinkAction): string {
  const locale: Locale = outcome.kind === 'invalid' ? 'es' : outcome.locale;
  const t = T[locale];
  let body: string;
  if (outcome.kind === 'invalid') body = `<p data-result="invalid">${esc(t.invalid)}</p>`;
  else if (outcome.kind === 'stale') body = `<h1>${esc(t.title)} ${esc(outcome.reference)}</h1><p data-result="stale">${esc(t.stale)}</p>`;
  else {
    const head = `<h1>${esc(t.title)} ${esc(outcome.reference)}</h1><p class="subject">${esc(outcome.subject)}</p>`;
    const declined = outcome.answer === 'declined';
    if (outcome.kind === 'ask') {
      body = `${head}<p>${esc(action === 'confirm' ? t.askConfirm : t.askDecline)}</p><form method="post"><button type="submit" class="${declined ? 'no' : 'yes'}">${esc(action === 'confirm' ? t.confirm : t.decline)}</button></form>`;
    } else {
      const text = outcome.kind === 'done' ? (declined ? t.doneDeclined : t.doneConfirmed) : declined ? t.alreadyDeclined : t.alreadyConfirmed;
      body = `${head}<p data-result="${outcome.kind}-${outcome.answer}">${esc(text)}</p>`;
    }
  }
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(t.title)}</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
main{max-width:32rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:10px;box-shadow:0 1px 3px #0002}
h1{font-size:1.3rem;margin:.2rem 0}.subject{color:#555;margin-top:0}
button{margin-top:1rem;border:0;border-radius:6px;padding:.7rem 1.6rem;font:inherit;cursor:pointer;color:#fff}
.yes{background:#1f7a3a}.no{background:#b42318}
</style></head><body><main>${body}</main></body></html>`;
}
