import { describe, expect, it } from 'vitest';
import { withArticle, withCapitalArticle } from '../../../src/sync/outbound/indefinite-article.js';

describe('withArticle', () => {
  it.each([
    ['AUTHORISED', 'an AUTHORISED'],
    ['ACCPAY', 'an ACCPAY'],
    ['DRAFT', 'a DRAFT'],
    ['SUBMITTED', 'a SUBMITTED'],
    ['invoice', 'an invoice'],
    ['purchase order', 'a purchase order'],
    ['AU', 'an AU'],
    ['NZ', 'an NZ'],
    ['GB', 'a GB'],
    ['US', 'a US'],
  ])('puts the article a reader says before %s', (word, expected) => {
    expect(withArticle(word)).toBe(expected);
  });

  it('capitalises the article at the start of a sentence', () => {
    expect(withCapitalArticle('AUTHORISED')).toBe('An AUTHORISED');
    expect(withCapitalArticle('credit note')).toBe('A credit note');
  });
});
