/**
 * Sentence splitting for tutor guidance, with wink-nlp (abbreviations such as "e.g.", "i.e." and
 * "etc." are handled by its tokeniser). Build-time only: the runtime loader never loads the model.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { SentenceSplitter } from './tutors.js';

let nlp: ReturnType<typeof winkNLP> | undefined;

/** Splits a paragraph into trimmed sentences. */
export const splitSentences: SentenceSplitter = (text) => {
  nlp ??= winkNLP(model);
  return nlp
    .readDoc(text)
    .sentences()
    .out()
    .map((sentence: string) => sentence.trim())
    .filter(Boolean);
};
