/** WhatsApp templates: placeholders, checking the agent's values, the text the customer receives. */
import { describe, expect, it } from 'vitest';
import { renderTemplate, templateErrors, templateVariables, type WhatsAppTemplate } from '../../src/domain/whatsapp-template.js';

const visit: WhatsAppTemplate = { name: 'Visita', contentSid: `HX${'a'.repeat(32)}`, language: 'es', body: 'Hola {{1}}, el técnico llega el {{2}}. Referencia {{1}}-{{ 3 }}.' };

describe('WhatsApp templates', () => {
  it('finds the placeholders once each, in order', () => {
    expect(templateVariables(visit.body)).toEqual(['1', '2', '3']);
    expect(templateVariables('Sin variables')).toEqual([]);
    expect(templateVariables('{{10}} {{2}}')).toEqual(['2', '10']);
  });

  it.each([
    [{ 1: 'Lucía', 2: 'jueves', 3: 'SB-1' }, {}],
    [{ 1: 'Lucía', 2: ' ' }, { 2: 'required', 3: 'required' }],
    [{ 1: 'Lucía', 2: 'jueves\nviernes', 3: 'x' }, { 2: expect.stringContaining('new lines') }],
    [{ 1: 'a', 2: 'b', 3: 'c', 4: 'd' }, { 4: 'the template has no such placeholder' }],
    [{ 1: 'a', 2: 'x'.repeat(1025), 3: 'c' }, { 2: 'at most 1024 characters' }],
  ])('checks %j', (values, errors) => {
    expect(templateErrors(visit, values as Record<string, string>)).toEqual(errors);
  });

  it('renders what the customer receives', () => {
    expect(renderTemplate(visit.body, { 1: ' Lucía ', 2: 'jueves 14', 3: 'SB-1042' })).toBe('Hola Lucía, el técnico llega el jueves 14. Referencia Lucía-SB-1042.');
  });
});
