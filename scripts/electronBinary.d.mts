export function electronBinary(root: string): string | undefined;
export function downloadRecordFile(root: string): string;
export function ensureElectron(
  root: string,
  log?: (line: string) => void,
  now?: () => Date,
): { binary: string; reason?: undefined } | { binary?: undefined; reason: string };
