// The core-work experiment: plan, daily guidance and result (pure; see model.ts and analysis.ts).
export * from './model';
export * from './analysis';
