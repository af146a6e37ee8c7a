/** Learner questions the platform benches send, so Slack and Discord are measured on the same work. */
export const SAMPLE_QUESTIONS = [
  'what is the difference between internal and external customers?',
  'whats LASS',
  'how do i deal with someone screaming at me',
  'what does the equality act mean for customer service',
  'why does customer service matter to a business',
  'what is upselling',
  'how should i store customer data',
  'what are the features of good customer service',
];
