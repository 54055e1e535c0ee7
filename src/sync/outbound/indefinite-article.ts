// Letters whose English name starts with a vowel sound: an AU organisation, an NZ one, a US one.
const VOWEL_SOUND_LETTERS = /^[AEFHILMNORSX]/;

/**
 * `word` with "a" or "an" before it, for messages built from statuses and codes: "an AUTHORISED
 * invoice", "a DRAFT invoice", "an AU organisation". Two- and three-letter capitals are read as
 * initialisms, letter by letter; anything else goes by its first letter.
 */
export function withArticle(word: string): string {
  const initialism = /^[A-Z]{2,3}$/.test(word);
  const vowelSound = initialism ? VOWEL_SOUND_LETTERS.test(word) : /^[aeiou]/i.test(word);
  return `${vowelSound ? 'an' : 'a'} ${word}`;
}

/** {@link withArticle} at the start of a sentence. */
export function withCapitalArticle(word: string): string {
  const phrase = withArticle(word);
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
