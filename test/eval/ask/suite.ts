/** `npm run eval -- ask`: the Ask evaluation suite (see evaluate.ts). */
import type { Suite } from '../suite.js';
import { evaluateAsk } from './evaluate.js';

export const askEvalSuite: Suite = {
  name: 'ask',
  run: async () => {
    // Held-out failures are not listed, so tuning cannot look at them.
    const { metrics, lines } = await evaluateAsk();
    return { metrics, lines };
  },
};
